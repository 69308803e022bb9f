using System.Text.Json;
using System.Text.Json.Serialization;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Domain.Reference;

/// <summary>
/// Loads the reference data files and refuses bad data loudly: every problem found is listed in one
/// <see cref="InvalidDataException"/>, so a broken data edit fails at start-up rather than at some applicant's
/// registration.
/// </summary>
/// <remarks>
/// The files under <c>Data/</c> are embedded resources: the data ships inside the assembly it was tested with and
/// loads the same way from the host, a test runner or a benchmark, whatever the working directory.
/// </remarks>
public static class ReferenceDataLoader
{
    /// <summary>The file names, as under <c>functions/Emigrate/Data/</c>.</summary>
    public static class Files
    {
        /// <summary>ECR countries.</summary>
        public const string EcrCountries = "ecr-countries.json";

        /// <summary>Suspended destinations (country codes).</summary>
        public const string SuspendedDestinations = "suspended-destinations.json";

        /// <summary>PoE offices.</summary>
        public const string PoeOffices = "poe-offices.json";

        /// <summary>States and UTs with their offices.</summary>
        public const string Jurisdictions = "jurisdictions.json";

        /// <summary>Medical centres.</summary>
        public const string MedicalCentres = "medical-centres.json";

        /// <summary>Insurers.</summary>
        public const string Insurers = "insurers.json";
    }

    private const string ResourcePrefix = "Emigrate.Data.";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNameCaseInsensitive = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        AllowTrailingCommas = false,
    };

    /// <summary>Loads the data embedded in this assembly.</summary>
    /// <exception cref="InvalidDataException">The data is missing, malformed or inconsistent.</exception>
    public static ReferenceData LoadEmbedded() =>
        Load(name => typeof(ReferenceDataLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name));

    /// <summary>Loads the data from files opened by <paramref name="open"/> (null when the file is missing).</summary>
    /// <exception cref="InvalidDataException">The data is missing, malformed or inconsistent.</exception>
    public static ReferenceData Load(Func<string, Stream?> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var problems = new List<string>();
        var countries = Read<EcrCountry>(open, Files.EcrCountries, problems);
        var suspended = Read<CountryCode>(open, Files.SuspendedDestinations, problems);
        var offices = Read<PoeOffice>(open, Files.PoeOffices, problems);
        var states = Read<StateJurisdiction>(open, Files.Jurisdictions, problems);
        var centres = Read<MedicalCentre>(open, Files.MedicalCentres, problems);
        var insurers = Read<Insurer>(open, Files.Insurers, problems);

        if (problems.Count == 0)
        {
            ReferenceDataRules.Check(countries, suspended, offices, states, centres, insurers, problems);
        }

        if (problems.Count > 0)
        {
            throw new InvalidDataException("Reference data is invalid:" + string.Concat(problems.Select(p => "\n - " + p)));
        }

        return new ReferenceData(countries, suspended, offices, states, centres, insurers);
    }

    private static List<T> Read<T>(Func<string, Stream?> open, string file, List<string> problems)
    {
        using var stream = open(file);
        if (stream is null)
        {
            problems.Add($"{file}: missing.");
            return [];
        }

        try
        {
            var items = JsonSerializer.Deserialize<List<T>>(stream, Options);
            if (items is null || items.Contains(default!))
            {
                problems.Add($"{file}: must be an array of entries, without nulls.");
                return [];
            }

            return items;
        }
        catch (JsonException ex)
        {
            problems.Add($"{file}: {ex.Message}");
            return [];
        }
    }
}
