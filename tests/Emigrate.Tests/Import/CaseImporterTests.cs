using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Emigrate.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Emigrate.Tests.Import;

/// <summary>
/// The importer against a small Kestrel stub of <c>POST /api/cases</c> (the case workflow's endpoint is not on
/// this branch): 202 with a case id, 400 with field errors, 409 for a passport with an open case.
/// </summary>
public sealed class CaseImporterTests : IAsyncLifetime
{
    private const string Key = "stub-csc-operator-key";
    private const string Header = "name,passport.number,mobile,job.contractYears";

    private readonly ConcurrentDictionary<string, string> _cases = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonObject> _bodies = new();
    private int _failuresToServe;
    private WebApplication _stub = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        _stub = builder.Build();
        _stub.MapPost("/api/cases", async (HttpRequest request) =>
        {
            if (request.Headers["x-functions-key"] != Key)
            {
                return Results.Problem(statusCode: 401);
            }

            if (Interlocked.Decrement(ref _failuresToServe) >= 0)
            {
                return Results.Problem(statusCode: 503);
            }

            var body = (JsonObject)(await JsonNode.ParseAsync(request.Body))!;
            _bodies.Enqueue(body);
            var passport = body["passport"]?["number"]?.GetValue<string>();
            if (passport is null || body["mobile"] is null)
            {
                var errors = new Dictionary<string, string[]>();
                if (passport is null)
                {
                    errors["passport.number"] = ["Required."];
                }

                if (body["mobile"] is null)
                {
                    errors["mobile"] = ["Required."];
                }

                return Results.ValidationProblem(errors);
            }

            if (_cases.TryGetValue(passport, out var existing))
            {
                return Results.Problem(statusCode: 409, detail: $"Passport already has an open case {existing}.", extensions: new Dictionary<string, object?> { ["caseId"] = existing });
            }

            var caseId = "EM" + (_cases.Count + 1).ToString("D9", System.Globalization.CultureInfo.InvariantCulture) + "Z";
            _cases[passport] = caseId;
            return Results.Json(new { caseId }, statusCode: 202);
        });
        await _stub.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_stub.Urls.First() + "/") };
        _http.DefaultRequestHeaders.Add("x-functions-key", Key);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _stub.StopAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task Rows_are_registered_rejected_with_their_field_errors_and_a_second_run_registers_nothing_twice()
    {
        var csv = $"{Header}\nRamesh Kumar,K1234567,9876543210,2\nNo Passport,,9876543210,2\nSuresh Yadav,L7654321,9123456780,3\n";
        var progress = new List<(int Done, int Total)>();

        var first = await new CaseImporter(_http).ImportAsync(new StringReader(csv), (_, done, total) => progress.Add((done, total)), default);
        var second = await new CaseImporter(_http).ImportAsync(new StringReader(csv), null, default);

        Assert.Equal([ImportStatus.Registered, ImportStatus.Rejected, ImportStatus.Registered], first.Select(o => o.Status));
        Assert.Equal(["passport.number: Required."], first[1].Errors);
        Assert.Equal(3, first[1].Line);
        Assert.Equal([(1, 3), (2, 3), (3, 3)], progress);
        Assert.Equal([ImportStatus.AlreadyRegistered, ImportStatus.Rejected, ImportStatus.AlreadyRegistered], second.Select(o => o.Status));
        Assert.Equal(first[0].CaseId, second[0].CaseId);
        Assert.Equal(2, _cases.Count);
        Assert.Equal(2, _bodies.First()["job"]!["contractYears"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_server_failure_is_retried_and_then_the_row_goes_through()
    {
        _failuresToServe = 2;

        var outcomes = await new CaseImporter(_http, TimeSpan.Zero).ImportAsync(new StringReader($"{Header}\nRamesh Kumar,K1234567,9876543210,2\n"), null, default);

        Assert.Equal(ImportStatus.Registered, Assert.Single(outcomes).Status);
    }

    [Fact]
    public async Task A_refused_key_stops_the_import()
    {
        _http.DefaultRequestHeaders.Remove("x-functions-key");
        _http.DefaultRequestHeaders.Add("x-functions-key", "wrong-key");

        await Assert.ThrowsAsync<ImportAbortedException>(() =>
            new CaseImporter(_http).ImportAsync(new StringReader($"{Header}\nRamesh Kumar,K1234567,9876543210,2\n"), null, default));
    }

    [Fact]
    public async Task The_command_writes_the_report_and_exits_non_zero_when_rows_were_rejected()
    {
        var folder = Directory.CreateTempSubdirectory("emigrate-import-").FullName;
        var file = Path.Combine(folder, "camp.csv");
        await File.WriteAllTextAsync(file, $"{Header}\nRamesh Kumar,K1234567,9876543210,2\n\"Kumar, Anil\",M7777777,,2\n");
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await new ImportCommand().RunAsync(["--file", file, "--url", _stub.Urls.First(), "--key", Key], output, error, default);
        var again = await new ImportCommand().RunAsync(["--file", file, "--url", _stub.Urls.First(), "--key", Key], new StringWriter(), new StringWriter(), default);

        Assert.Equal(1, exit);
        Assert.Equal(1, again);
        Assert.StartsWith("2 rows: 1 registered, 0 already registered, 1 rejected, 0 failed.", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(
            "line,passport,status,errors\n3,M77XXX77,rejected,mobile: Required.\n",
            (await File.ReadAllTextAsync(Path.Combine(folder, "camp.rejected.csv"))).ReplaceLineEndings("\n"));
        Assert.Single(_cases);
    }

    [Fact]
    public async Task The_command_refuses_a_file_with_an_unknown_column_before_sending_anything()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("emigrate-import-").FullName, "camp.csv");
        await File.WriteAllTextAsync(file, "name,passport.number,shoeSize\nRamesh,K1234567,9\n");
        var error = new StringWriter();

        var exit = await new ImportCommand().RunAsync(["--file", file, "--url", _stub.Urls.First(), "--key", Key], new StringWriter(), error, default);

        Assert.Equal(2, exit);
        Assert.Contains("Unknown column 'shoeSize'", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(_bodies);
    }
}
