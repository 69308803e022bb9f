using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Sms;
using Serverless.Testing;

namespace Emigrate.Tests.Walkthrough;

/// <summary>Its own Azurite: the host under test uses the default table, queue and hub names of the run command.</summary>
[CollectionDefinition(Name)]
public sealed class WalkthroughCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "README walkthrough on Azurite";
}

[Collection(WalkthroughCollection.Name)]
public sealed class ReadmeWalkthroughTests(AzuriteFixture azurite)
{
    // Printed after the README's blocks, so the test reads what the walkthrough ended with.
    private const string Report = """
        printf '\n@@CASE_ID=%s\n@@SMS_REPLY=%s\n' "$CASE_ID" "$SMS_REPLY"
        """;

    private static IReadOnlyList<string> Blocks => ReadmeWalkthrough.Blocks(File.ReadAllText(ReadmeWalkthrough.ReadmePath));

    [Fact]
    public async Task The_readme_walkthrough_runs_as_written_to_a_cleared_case_and_an_sms_status_reply()
    {
        await using var host = await RunCommandHost.StartAsync(azurite);
        string baseUrl = host.BaseAddress.ToString().TrimEnd('/');

        var run = await BashScript.RunAsync([.. Blocks, Report], new Dictionary<string, string> { ["BASE"] = baseUrl }, TimeSpan.FromSeconds(120));

        Assert.True(run.ExitCode == 0, run.Describe() + "\n--- host ---\n" + host.Log);
        string caseId = Reported(run, "CASE_ID");
        string reply = Reported(run, "SMS_REPLY");
        Assert.Equal(SmsTemplates.Status(CaseStage.Cleared, Language.English, caseId).Text, reply);

        // Ask the host directly too: the walkthrough's own output could be wrong in the same way as its checks.
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseId}");
        request.Headers.Add("x-functions-key", SampleSetting("FunctionKeys:Development:dev-csc:Key"));
        using var response = await client.SendAsync(request);
        var found = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("cleared", found!["stage"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(found["clearance"]!["ecNumber"]!.GetValue<string>()));
    }

    [Fact]
    public void The_walkthrough_section_starts_by_defaulting_BASE_to_the_run_commands_address()
    {
        var blocks = Blocks;

        Assert.True(blocks.Count >= 5, $"Only {blocks.Count} bash blocks in the walkthrough section.");
        Assert.StartsWith("BASE=${BASE:-http://127.0.0.1:7071}", blocks[0], StringComparison.Ordinal);
        Assert.Equal("7071", SampleSetting("Host:LocalHttpPort"));
        Assert.Contains(blocks, b => b.Contains("/clearance/decision", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("/api/sms/inbound", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_walkthrough_sections_blocks_are_taken_and_an_unclosed_block_is_an_error()
    {
        const string readme = """
            # Title
            ```bash
            echo before
            ```
            ## Walk one case through, with curl
            ```bash
            echo one
            ```
            text
            ```bash
            echo two
            ## not a heading inside a block
            ```
            ## Next section
            ```bash
            echo after
            ```
            """;

        Assert.Equal(["echo one\n", "echo two\n## not a heading inside a block\n"], ReadmeWalkthrough.Blocks(readme));
        Assert.Throws<InvalidOperationException>(() => ReadmeWalkthrough.Blocks("## Walk one case through, with curl\n```bash\necho open\n"));
        Assert.Throws<InvalidOperationException>(() => ReadmeWalkthrough.Blocks("# no walkthrough here\n"));
    }

    [Fact]
    public async Task A_failing_command_stops_the_run_and_fails_it()
    {
        var failing = await BashScript.RunAsync(["X=1\necho first", "false\necho unreachable"], new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        var unsetVariable = await BashScript.RunAsync(["echo \"$NOT_SET_ANYWHERE\""], new Dictionary<string, string>(), TimeSpan.FromSeconds(30));
        var failingPipe = await BashScript.RunAsync(["false | jq .\necho unreachable"], new Dictionary<string, string>(), TimeSpan.FromSeconds(30));

        Assert.NotEqual(0, failing.ExitCode);
        Assert.Contains("first", failing.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unreachable", failing.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, unsetVariable.ExitCode);
        Assert.NotEqual(0, failingPipe.ExitCode);
        Assert.DoesNotContain("unreachable", failingPipe.Output, StringComparison.Ordinal);
    }

    private static string Reported(BashResult run, string name)
    {
        Match match = Regex.Match(run.Output, $"^@@{name}=(.*)$", RegexOptions.Multiline);
        Assert.True(match.Success && match.Groups[1].Value.Length > 0, $"The walkthrough did not set {name}.\n{run.Describe()}");
        return match.Groups[1].Value.TrimEnd('\r');
    }

    private static string SampleSetting(string name)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "local.settings.sample.json")))!;
        return name.StartsWith("Host:", StringComparison.Ordinal)
            ? sample["Host"]![name["Host:".Length..]]!.ToString()
            : sample["Values"]![name]!.GetValue<string>();
    }
}
