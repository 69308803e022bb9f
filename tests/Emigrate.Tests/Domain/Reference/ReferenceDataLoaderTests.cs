using System.Text;
using Emigrate.Domain.Reference;

namespace Emigrate.Tests.Domain.Reference;

public sealed class ReferenceDataLoaderTests
{
    private static readonly Dictionary<string, string> GoodFiles = new()
    {
        [ReferenceDataLoader.Files.EcrCountries] = """[{ "code": "AE", "name": "United Arab Emirates" }, { "code": "LY", "name": "Libya" }]""",
        [ReferenceDataLoader.Files.SuspendedDestinations] = """["LY"]""",
        [ReferenceDataLoader.Files.PoeOffices] = """[{ "id": "poe-lucknow", "name": "PoE Lucknow", "city": "Lucknow", "state": "UP" }]""",
        [ReferenceDataLoader.Files.Jurisdictions] = """[{ "code": "UP", "name": "Uttar Pradesh", "kind": "state", "poeOffice": "poe-lucknow" }]""",
        [ReferenceDataLoader.Files.MedicalCentres] = """[{ "id": "mc-lucknow-1", "name": "A", "city": "Lucknow", "state": "UP", "dailyCapacity": 5 }]""",
        [ReferenceDataLoader.Files.Insurers] = """[{ "id": "ins-a", "name": "A" }]""",
    };

    [Fact]
    public void Minimal_consistent_data_loads()
    {
        var data = Load(GoodFiles);
        Assert.Single(data.PoeOffices);
        Assert.Equal("poe-lucknow", data.FindState("UP")!.PoeOffice);
    }

    [Fact]
    public void Embedded_data_loads_without_problems() => Assert.NotEmpty(ReferenceDataLoader.LoadEmbedded().States);

    [Theory]
    [InlineData("jurisdictions.json", """[{ "code": "UP", "name": "Uttar Pradesh", "kind": "state", "poeOffice": "poe-nowhere" }]""", "unknown PoE office 'poe-nowhere'")]
    [InlineData("suspended-destinations.json", """["FR"]""", "'FR' is not an ECR country")]
    [InlineData("ecr-countries.json", """[{ "code": "AE", "name": "UAE" }, { "code": "AE", "name": "UAE" }, { "code": "LY", "name": "Libya" }]""", "'AE' appears more than once")]
    [InlineData("ecr-countries.json", """[{ "code": "ARE", "name": "UAE" }]""", "ecr-countries.json")]
    [InlineData("medical-centres.json", """[{ "id": "mc-x", "name": "A", "city": "X", "state": "UP", "dailyCapacity": 0 }]""", "no daily capacity")]
    [InlineData("medical-centres.json", """[{ "id": "centre", "name": "A", "city": "X", "state": "ZZ", "dailyCapacity": 3 }]""", "not like 'mc-city-1'")]
    [InlineData("insurers.json", """[{ "id": "ins-a", "name": "A", "rating": 5 }]""", "insurers.json")]
    [InlineData("insurers.json", """[{ "id": "ins-a" }]""", "insurers.json")]
    [InlineData("insurers.json", """[null]""", "without nulls")]
    [InlineData("poe-offices.json", """{ "id": "poe-lucknow" }""", "poe-offices.json")]
    [InlineData("poe-offices.json", """[{ "id": "poe-lucknow", "name": "PoE", "city": "Lucknow", "state": "XX" }]""", "unknown state 'XX'")]
    [InlineData("jurisdictions.json", """[{ "code": "UP", "name": "Uttar Pradesh", "kind": "province", "poeOffice": "poe-lucknow" }]""", "jurisdictions.json")]
    [InlineData("jurisdictions.json", """[{ "code": "UP", "name": "Uttar Pradesh", "kind": "state", "poeOffice": "poe-lucknow", "aliases": ["Bihar"] }, { "code": "BR", "name": "Bihar", "kind": "state", "poeOffice": "poe-lucknow" }]""", "'bihar' appears more than once")]
    public void Bad_data_fails_loudly_naming_the_problem(string file, string content, string expected)
    {
        var files = new Dictionary<string, string>(GoodFiles) { [file] = content };
        var ex = Assert.Throws<InvalidDataException>(() => Load(files));
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_fails_loudly()
    {
        var files = new Dictionary<string, string>(GoodFiles);
        files.Remove(ReferenceDataLoader.Files.Insurers);
        var ex = Assert.Throws<InvalidDataException>(() => Load(files));
        Assert.Contains("insurers.json: missing", ex.Message, StringComparison.Ordinal);
    }

    private static ReferenceData Load(Dictionary<string, string> files) =>
        ReferenceDataLoader.Load(name => files.TryGetValue(name, out var text) ? new MemoryStream(Encoding.UTF8.GetBytes(text)) : null);
}
