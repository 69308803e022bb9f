using System.Text.RegularExpressions;

namespace Emigrate.Domain.Registration;

/// <summary>Reading the free-text occupation.</summary>
/// <remarks>
/// Product decision: occupation is free text as the CSC operator types it, and a nurse is anyone whose occupation
/// contains the word "nurse" (or "nurses"), in English or Devanagari. A coded occupation (NCO 2015) would be
/// better and can replace this when the portal offers a list.
/// </remarks>
public static partial class Occupations
{
    /// <summary>Whether the occupation names a nurse: <c>Staff Nurse</c>, <c>nurse</c>, <c>नर्स</c>.</summary>
    public static bool IsNurse(string occupation) => Nurse().IsMatch(occupation);

    [GeneratedRegex(@"(?<![\p{L}\p{M}])(nurses?|नर्स)(?![\p{L}\p{M}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Nurse();
}
