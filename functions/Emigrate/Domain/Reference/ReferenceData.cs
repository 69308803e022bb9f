using Emigrate.Domain.Identifiers;

namespace Emigrate.Domain.Reference;

/// <summary>
/// The validated reference data: ECR countries, suspended destinations, PoE offices, jurisdictions, medical
/// centres and insurers. Immutable; load it once (<see cref="ReferenceDataLoader.LoadEmbedded"/>) and share it.
/// </summary>
public sealed class ReferenceData
{
    private readonly Dictionary<string, EcrCountry> countries;
    private readonly HashSet<string> suspended;
    private readonly Dictionary<string, PoeOffice> offices;
    private readonly Dictionary<string, StateJurisdiction> statesByKey;
    private readonly Dictionary<string, MedicalCentre> centres;
    private readonly Dictionary<string, Insurer> insurers;

    internal ReferenceData(
        IReadOnlyList<EcrCountry> ecrCountries,
        IReadOnlyList<CountryCode> suspendedDestinations,
        IReadOnlyList<PoeOffice> poeOffices,
        IReadOnlyList<StateJurisdiction> states,
        IReadOnlyList<MedicalCentre> medicalCentres,
        IReadOnlyList<Insurer> insurerList)
    {
        EcrCountries = ecrCountries;
        SuspendedDestinations = suspendedDestinations;
        PoeOffices = poeOffices;
        States = states;
        MedicalCentres = medicalCentres;
        Insurers = insurerList;
        countries = ecrCountries.ToDictionary(c => c.Code.Value, StringComparer.Ordinal);
        suspended = suspendedDestinations.Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        offices = poeOffices.ToDictionary(o => o.Id, StringComparer.Ordinal);
        statesByKey = states
            .SelectMany(s => LookupKeys(s).Select(key => (key, s)))
            .ToDictionary(x => x.key, x => x.s, StringComparer.Ordinal);
        centres = medicalCentres.ToDictionary(c => c.Id, StringComparer.Ordinal);
        insurers = insurerList.ToDictionary(i => i.Id, StringComparer.Ordinal);
    }

    /// <summary>The countries for which ECR passport holders need clearance.</summary>
    public IReadOnlyList<EcrCountry> EcrCountries { get; }

    /// <summary>ECR countries for which clearance is currently suspended.</summary>
    public IReadOnlyList<CountryCode> SuspendedDestinations { get; }

    /// <summary>The Protector of Emigrants offices.</summary>
    public IReadOnlyList<PoeOffice> PoeOffices { get; }

    /// <summary>Every state and union territory with its office.</summary>
    public IReadOnlyList<StateJurisdiction> States { get; }

    /// <summary>Approved medical centres.</summary>
    public IReadOnlyList<MedicalCentre> MedicalCentres { get; }

    /// <summary>PBBY insurers.</summary>
    public IReadOnlyList<Insurer> Insurers { get; }

    /// <summary>The ECR country with this code, or <see langword="null"/> when the country needs no clearance.</summary>
    public EcrCountry? FindEcrCountry(CountryCode code) => countries.GetValueOrDefault(code.Value);

    /// <summary>Whether clearance for this destination is suspended by the reference data.</summary>
    public bool IsSuspended(CountryCode code) => suspended.Contains(code.Value);

    /// <summary>The office with this id.</summary>
    public PoeOffice? FindPoeOffice(string id) => offices.GetValueOrDefault(id);

    /// <summary>
    /// The state or UT an operator meant: by code (<c>UP</c>, <c>IN-UP</c>), name (<c>Uttar Pradesh</c>) or alias
    /// (<c>Orissa</c>), ignoring case, dots and "&amp;" versus "and".
    /// </summary>
    public StateJurisdiction? FindState(string nameOrCode)
    {
        var key = NameKey.Of(nameOrCode);
        if (key.StartsWith("in-", StringComparison.Ordinal) && key.Length == 5)
        {
            key = key[3..];
        }

        return statesByKey.GetValueOrDefault(key);
    }

    /// <summary>The medical centre with this id.</summary>
    public MedicalCentre? FindMedicalCentre(string id) => centres.GetValueOrDefault(id);

    /// <summary>The insurer with this id.</summary>
    public Insurer? FindInsurer(string id) => insurers.GetValueOrDefault(id);

    internal static IEnumerable<string> LookupKeys(StateJurisdiction state) =>
        new[] { state.Code, state.Name }.Concat(state.Aliases).Select(NameKey.Of).Distinct(StringComparer.Ordinal);
}
