using Serverless.Functions;

namespace Emigrate.Import;

/// <summary>
/// <c>dotnet run --project functions/Emigrate -- import --file camp.csv --url http://127.0.0.1:7071 --key KEY [--report rejected.csv]</c>:
/// registers the applicants of a CSC camp from a CSV file through <c>POST /api/cases</c>.
/// </summary>
/// <remarks>
/// A progress bar on standard error when it is a terminal; the summary on standard output; the rows rejected (with
/// their field errors) in the report file, by default <c>&lt;file&gt;.rejected.csv</c> next to the input. Exit code 0
/// when every row is registered or already registered, 1 when some rows were rejected or failed, 2 for bad
/// arguments or an unreadable file, 3 when the server refused the import. The key can also come from the
/// environment variable <c>EMIGRATE_KEY</c>, which keeps it out of the shell history.
/// </remarks>
public sealed class ImportCommand : ICommandLineVerb
{
    /// <summary>How to call it.</summary>
    public const string Usage = "usage: import --file <camp.csv> --url <http://127.0.0.1:7071> --key <csc-operator key> [--report <rejected.csv>]";

    /// <inheritdoc />
    public string Name => "import";

    /// <inheritdoc />
    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var file = Option(args, "--file");
        var url = Option(args, "--url") ?? "http://127.0.0.1:7071";
        var key = Option(args, "--key") ?? Environment.GetEnvironmentVariable("EMIGRATE_KEY");
        if (file is null || key is null || !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseAddress))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        if (!File.Exists(file))
        {
            await error.WriteLineAsync($"No such file: {Path.GetFullPath(file)} (relative paths start in {Directory.GetCurrentDirectory()}; give an absolute path).");
            return 2;
        }

        var report = Option(args, "--report") ?? Path.ChangeExtension(file, null) + ".rejected.csv";
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("x-functions-key", key);
        var bar = Console.IsErrorRedirected ? null : new ProgressBar(error);
        var attention = 0;
        IReadOnlyList<ImportOutcome> outcomes;
        try
        {
            using var csv = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            outcomes = await new CaseImporter(http).ImportAsync(csv, (outcome, done, total) =>
            {
                attention += outcome.NeedsAttention ? 1 : 0;
                bar?.Update(done, total, attention);
            }, cancellationToken);
        }
        catch (FormatException e)
        {
            bar?.Finish();
            await error.WriteLineAsync($"{file}: {e.Message}");
            return 2;
        }
        catch (ImportAbortedException e)
        {
            bar?.Finish();
            await error.WriteLineAsync(e.Message);
            return 3;
        }

        bar?.Finish();
        foreach (var outcome in outcomes.Where(o => o.NeedsAttention))
        {
            await error.WriteLineAsync($"line {outcome.Line} ({outcome.Passport}): {outcome.Describe()}");
        }

        if (outcomes.Any(o => o.NeedsAttention))
        {
            await using (var writer = new StreamWriter(report, append: false, new System.Text.UTF8Encoding(false)))
            {
                ImportReport.WriteRejected(writer, outcomes);
            }

            await output.WriteLineAsync($"{ImportReport.Summary(outcomes.ToList())} Rejected rows: {report}");
            return 1;
        }

        await output.WriteLineAsync(ImportReport.Summary(outcomes.ToList()));
        return 0;
    }

    private static string? Option(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
