using System.Text.RegularExpressions;
using Serverless.Testing;

namespace Serverless.Durable.Tests.Analysis;

/// <summary>An analyzer-style check: orchestrator code in this repository's tests uses the context, never the wall clock or random ids.</summary>
public sealed partial class OrchestratorDeterminismScanTests
{
    private static readonly string[] Forbidden =
        ["DateTime.UtcNow", "DateTime.Now", "DateTimeOffset.UtcNow", "DateTimeOffset.Now", "Guid.NewGuid(", "Task.Delay(", "Thread.Sleep(", "Task.Run(", "ConfigureAwait(false)", "Random."];

    [Fact]
    public void Orchestrator_registrations_in_the_tests_use_no_wall_clock_random_ids_or_thread_hops()
    {
        string root = Path.Combine(RepositoryRoot.Path, "tests", "Serverless.Durable.Tests");
        var offences = new List<string>();
        int scanned = 0;
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            if (file.EndsWith(nameof(OrchestratorDeterminismScanTests) + ".cs", StringComparison.Ordinal))
            {
                continue;
            }

            string source = File.ReadAllText(file);
            foreach (Match match in Registration().Matches(source))
            {
                string body = Arguments(source, match.Index + match.Length - 1);
                scanned++;
                offences.AddRange(Forbidden.Where(token => body.Contains(token, StringComparison.Ordinal))
                    .Select(token => $"{Path.GetFileName(file)}: an orchestrator uses {token}"));
            }
        }

        Assert.True(scanned > 20, $"Only {scanned} orchestrator registrations found; is the scan looking in the right place?");
        Assert.Empty(offences);
    }

    /// <summary>The text of a call's argument list, from its opening parenthesis to the matching one.</summary>
    private static string Arguments(string source, int open)
    {
        int depth = 0;
        for (int i = open; i < source.Length; i++)
        {
            depth += source[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return source[open..(i + 1)];
            }
        }

        return source[open..];
    }

    [GeneratedRegex(@"\.AddOrchestrator(<[^>]*>)?\(")]
    private static partial Regex Registration();
}
