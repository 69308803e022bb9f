using System.Globalization;

namespace Emigrate.Sms;

/// <summary>
/// The variables templates may contain, each with a maximum length so that every rendered message is known to
/// fit its segment budget (and DLT's 30-character limit per variable).
/// </summary>
public static class SmsVariables
{
    /// <summary>The case id, <c>EM</c> and ten symbols.</summary>
    public const string CaseId = "caseId";

    /// <summary>A date, written <see cref="DateFormat"/>.</summary>
    public const string Date = "date";

    /// <summary>The emigration clearance number the PoE grants.</summary>
    public const string EcNumber = "ecNumber";

    /// <summary>The application reference number of a clearance submission.</summary>
    public const string Arn = "arn";

    /// <summary>How dates appear in SMS: the Indian day-first form.</summary>
    public const string DateFormat = "dd-MM-yyyy";

    private static readonly Dictionary<string, int> MaxLengths = new(StringComparer.Ordinal)
    {
        [CaseId] = 12,
        [Date] = 10,
        [EcNumber] = 20,
        [Arn] = 20,
    };

    /// <summary>Every known variable name.</summary>
    public static IReadOnlyCollection<string> Names => MaxLengths.Keys;

    /// <summary>The longest value a variable may take.</summary>
    public static int MaxLength(string name) =>
        MaxLengths.TryGetValue(name, out var max) ? max : throw new ArgumentException($"Unknown SMS variable '{name}'.", nameof(name));

    /// <summary>A date as SMS show it: <c>01-08-2025</c>.</summary>
    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}
