using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Reference;

namespace Emigrate.Tests.Domain.Reference;

public sealed class ReferenceDataTests
{
    private static readonly ReferenceData Data = ReferenceDataLoader.LoadEmbedded();

    [Fact]
    public void All_eighteen_ecr_countries_are_listed_with_their_iso_codes()
    {
        var expected = new Dictionary<string, string>
        {
            ["AF"] = "Afghanistan", ["BH"] = "Bahrain", ["ID"] = "Indonesia", ["IQ"] = "Iraq", ["JO"] = "Jordan",
            ["KW"] = "Kuwait", ["LB"] = "Lebanon", ["LY"] = "Libya", ["MY"] = "Malaysia", ["OM"] = "Oman",
            ["QA"] = "Qatar", ["SA"] = "Saudi Arabia", ["SD"] = "Sudan", ["SS"] = "South Sudan", ["SY"] = "Syria",
            ["TH"] = "Thailand", ["AE"] = "United Arab Emirates", ["YE"] = "Yemen",
        };

        Assert.Equal(expected.OrderBy(e => e.Key), Data.EcrCountries.Select(c => KeyValuePair.Create(c.Code.Value, c.Name)).OrderBy(e => e.Key));
    }

    [Fact]
    public void Libya_and_yemen_are_the_suspended_destinations()
    {
        Assert.Equal(["LY", "YE"], Data.SuspendedDestinations.Select(c => c.Value).Order());
        Assert.True(Data.IsSuspended(Code("LY")));
        Assert.False(Data.IsSuspended(Code("AE")));
    }

    [Fact]
    public void The_fourteen_poe_offices_have_stable_ids()
    {
        string[] expected =
        [
            "poe-ahmedabad", "poe-bengaluru", "poe-chandigarh", "poe-chennai", "poe-delhi", "poe-hyderabad", "poe-jaipur",
            "poe-kochi", "poe-kolkata", "poe-lucknow", "poe-mumbai", "poe-pune", "poe-rae-bareli", "poe-thiruvananthapuram",
        ];
        Assert.Equal(expected, Data.PoeOffices.Select(o => o.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_twenty_eight_states_and_eight_union_territories_have_a_jurisdiction()
    {
        Assert.Equal(28, Data.States.Count(s => s.Kind == StateKind.State));
        Assert.Equal(8, Data.States.Count(s => s.Kind == StateKind.UnionTerritory));
        Assert.All(Data.States, s => Assert.NotNull(Data.FindPoeOffice(s.PoeOffice)));
    }

    [Fact]
    public void Every_poe_office_serves_some_applicants()
    {
        var serving = Data.States.Select(s => s.PoeOffice)
            .Concat(Data.States.SelectMany(s => s.Districts).Select(d => d.PoeOffice))
            .ToHashSet();
        Assert.All(Data.PoeOffices, o => Assert.Contains(o.Id, serving));
    }

    [Theory]
    [InlineData("UP", "UP")]
    [InlineData("IN-UP", "UP")]
    [InlineData("uttar pradesh", "UP")]
    [InlineData("  Uttar   Pradesh ", "UP")]
    [InlineData("Orissa", "OD")]
    [InlineData("OR", "OD")]
    [InlineData("Jammu & Kashmir", "JK")]
    [InlineData("Pondicherry", "PY")]
    [InlineData("Daman and Diu", "DH")]
    [InlineData("TG", "TS")]
    [InlineData("Uttaranchal", "UK")]
    public void State_is_found_by_code_name_or_alias(string typed, string code) =>
        Assert.Equal(code, Data.FindState(typed)?.Code);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("")]
    [InlineData("IN-XX")]
    public void Unknown_state_is_not_found(string typed) => Assert.Null(Data.FindState(typed));

    [Theory]
    [InlineData("Kerala", "Ernakulam", "poe-kochi")]
    [InlineData("Kerala", "Thiruvananthapuram", "poe-thiruvananthapuram")]
    [InlineData("Kerala", "trivandrum", "poe-thiruvananthapuram")]
    [InlineData("Kerala", "Quilon", "poe-thiruvananthapuram")]
    [InlineData("Kerala", null, "poe-kochi")]
    [InlineData("Uttar Pradesh", "Rae Bareli", "poe-lucknow")]
    [InlineData("Bihar", "Patna", "poe-rae-bareli")]
    [InlineData("Maharashtra", "Pune", "poe-mumbai")]
    [InlineData("Goa", "North Goa", "poe-pune")]
    public void Jurisdiction_follows_the_state_unless_the_district_has_its_own_office(string state, string? district, string office) =>
        Assert.Equal(office, Data.FindState(state)!.PoeOfficeFor(district));

    [Fact]
    public void Medical_centres_and_insurers_have_prefixed_ids_and_capacity()
    {
        Assert.NotEmpty(Data.MedicalCentres);
        Assert.All(Data.MedicalCentres, c => Assert.StartsWith("mc-", c.Id, StringComparison.Ordinal));
        Assert.All(Data.MedicalCentres, c => Assert.True(c.DailyCapacity > 0));
        Assert.All(Data.MedicalCentres, c => Assert.NotNull(Data.FindState(c.State)));
        Assert.NotEmpty(Data.Insurers);
        Assert.All(Data.Insurers, i => Assert.StartsWith("ins-", i.Id, StringComparison.Ordinal));
        Assert.Equal("Sagar General Insurance (demo)", Data.FindInsurer("ins-sagar")?.Name);
        Assert.Equal(40, Data.FindMedicalCentre("mc-lucknow-1")?.DailyCapacity);
    }

    [Fact]
    public void Medical_centres_cover_the_biggest_sending_states()
    {
        string[] sendingStates = ["UP", "BR", "KL", "TS", "RJ", "TN"];
        Assert.All(sendingStates, s => Assert.Contains(Data.MedicalCentres, c => c.State == s));
    }

    private static CountryCode Code(string code) => CountryCode.TryParse(code, out var c) ? c : throw new ArgumentException(code);
}
