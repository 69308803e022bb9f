using System.Text.RegularExpressions;

namespace Emigrate.Tests.Orchestrations;

/// <summary>Orchestrator code is replayed: it must take time, randomness and I/O only from the context.</summary>
public sealed partial class OrchestrationPurityTests
{
    [Fact]
    public void Orchestrator_code_uses_no_ambient_clock_guid_random_or_io()
    {
        string folder = Path.Combine(Root(), "functions", "Emigrate", "Orchestrations");
        var offences = Directory.EnumerateFiles(folder, "*.cs")
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => Forbidden().IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        Assert.Empty(offences);
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"DateTime(Offset)?\.(UtcNow|Now|Today)|Guid\.NewGuid|new Random\(|Random\.Shared|RandomNumberGenerator|Task\.Delay|Task\.Run|HttpClient|File\.|TableClient|BlobClient|TimeProvider\.System|ConfigureAwait\(false\)")]
    private static partial Regex Forbidden();
}
