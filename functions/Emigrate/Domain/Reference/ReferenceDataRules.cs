using System.Text.RegularExpressions;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Domain.Reference;

/// <summary>The consistency rules the loader enforces across the reference data files.</summary>
internal static partial class ReferenceDataRules
{
    public static void Check(
        List<EcrCountry> countries,
        List<CountryCode> suspended,
        List<PoeOffice> offices,
        List<StateJurisdiction> states,
        List<MedicalCentre> centres,
        List<Insurer> insurers,
        List<string> problems)
    {
        void Require(bool condition, string problem)
        {
            if (!condition)
            {
                problems.Add(problem);
            }
        }

        void Unique<T>(IEnumerable<T> items, Func<T, string> key, string what)
        {
            foreach (var duplicate in items.GroupBy(key, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                problems.Add($"{what} '{duplicate.Key}' appears more than once.");
            }
        }

        Require(countries.Count > 0, $"{ReferenceDataLoader.Files.EcrCountries}: no countries.");
        Unique(countries, c => c.Code.Value, "ECR country");
        foreach (var country in countries)
        {
            Require(!string.IsNullOrWhiteSpace(country.Name), $"ECR country '{country.Code}' has no name.");
        }

        var countryCodes = countries.Select(c => c.Code).ToHashSet();
        Unique(suspended, c => c.Value, "Suspended destination");
        foreach (var code in suspended)
        {
            Require(countryCodes.Contains(code), $"Suspended destination '{code}' is not an ECR country.");
        }

        var stateCodes = states.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        Require(offices.Count > 0, $"{ReferenceDataLoader.Files.PoeOffices}: no offices.");
        Unique(offices, o => o.Id, "PoE office");
        foreach (var office in offices)
        {
            Require(PoeId().IsMatch(office.Id), $"PoE office id '{office.Id}' is not like 'poe-city'.");
            Require(!string.IsNullOrWhiteSpace(office.Name) && !string.IsNullOrWhiteSpace(office.City), $"PoE office '{office.Id}' needs a name and a city.");
            Require(stateCodes.Contains(office.State), $"PoE office '{office.Id}' is in unknown state '{office.State}'.");
        }

        var officeIds = offices.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        Require(states.Count > 0, $"{ReferenceDataLoader.Files.Jurisdictions}: no states.");
        Unique(states, s => s.Code, "State code");
        Unique(states.SelectMany(s => ReferenceData.LookupKeys(s)), k => k, "State name, code or alias");
        foreach (var state in states)
        {
            Require(StateCode().IsMatch(state.Code), $"State code '{state.Code}' is not two upper-case letters.");
            Require(!string.IsNullOrWhiteSpace(state.Name), $"State '{state.Code}' has no name.");
            Require(officeIds.Contains(state.PoeOffice), $"State '{state.Code}' maps to unknown PoE office '{state.PoeOffice}'.");
            Unique(state.Districts.SelectMany(d => d.Names).Select(NameKey.Of), k => k, $"District of {state.Code}");
            foreach (var district in state.Districts)
            {
                Require(district.Names.Count > 0, $"A district of '{state.Code}' has no name.");
                Require(officeIds.Contains(district.PoeOffice), $"A district of '{state.Code}' maps to unknown PoE office '{district.PoeOffice}'.");
            }
        }

        Unique(centres, c => c.Id, "Medical centre");
        foreach (var centre in centres)
        {
            Require(MedicalCentreId().IsMatch(centre.Id), $"Medical centre id '{centre.Id}' is not like 'mc-city-1'.");
            Require(centre.DailyCapacity > 0, $"Medical centre '{centre.Id}' has no daily capacity.");
            Require(!string.IsNullOrWhiteSpace(centre.Name) && !string.IsNullOrWhiteSpace(centre.City), $"Medical centre '{centre.Id}' needs a name and a city.");
            Require(stateCodes.Contains(centre.State), $"Medical centre '{centre.Id}' is in unknown state '{centre.State}'.");
        }

        Unique(insurers, i => i.Id, "Insurer");
        foreach (var insurer in insurers)
        {
            Require(InsurerId().IsMatch(insurer.Id), $"Insurer id '{insurer.Id}' is not like 'ins-name'.");
            Require(!string.IsNullOrWhiteSpace(insurer.Name), $"Insurer '{insurer.Id}' has no name.");
        }
    }

    [GeneratedRegex(@"^poe-[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex PoeId();

    [GeneratedRegex(@"^mc-[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex MedicalCentreId();

    [GeneratedRegex(@"^ins-[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex InsurerId();

    [GeneratedRegex(@"^[A-Z]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex StateCode();
}
