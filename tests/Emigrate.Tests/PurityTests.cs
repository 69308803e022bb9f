using System.Text.RegularExpressions;

namespace Emigrate.Tests;

/// <summary>The domain and SMS code must stay pure: time, randomness and I/O come in from the caller.</summary>
public sealed partial class PurityTests
{
    [Fact]
    public void Domain_and_sms_code_use_no_ambient_clock_guid_or_io()
    {
        var app = Path.Combine(RepositoryRoot(), "functions", "Emigrate");
        var files = new[] { "Domain", "Sms" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(app, folder), "*.cs", SearchOption.AllDirectories))
            .ToList();

        Assert.NotEmpty(files);
        var offences = files
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(app, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.True(offences.Count == 0, string.Join(Environment.NewLine, offences));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Serverless.sln not found above the test output.");
    }

    [GeneratedRegex(@"\b(DateTime(Offset)?\.(Now|UtcNow|Today)|Guid\.NewGuid|TimeProvider\.System|new Random\(|Random\.Shared|File\.|Directory\.|HttpClient|Environment\.|Console\.)")]
    private static partial Regex Forbidden();
}
