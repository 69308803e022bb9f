namespace Emigrate.Domain.Privacy;

/// <summary>
/// Masks personal data before it reaches a log line, a trace or an exception message.
/// </summary>
/// <remarks>
/// Masks keep just enough for an operator to tell two records apart on a support call, never enough to
/// reconstruct the value. They accept any text (including invalid input) so they are safe to call on a raw
/// request field before it has been parsed.
/// </remarks>
public static class LogMask
{
    private const char MaskChar = 'X';

    /// <summary><c>X1234567</c> → <c>X12XXX67</c>.</summary>
    public static string Passport(string? value) => KeepEnds(value, keepStart: 3, keepEnd: 2);

    /// <summary><c>9876543210</c> → <c>98XXXXXX10</c>.</summary>
    public static string Mobile(string? value) => KeepEnds(value, keepStart: 2, keepEnd: 2);

    /// <summary>Any Aadhaar number → <c>XXXX-XXXX-1234</c>; nothing but the last four digits survives.</summary>
    public static string Aadhaar(string? value)
    {
        var digits = new string((value ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 ? AadhaarLastFour(digits[^4..]) : "XXXX-XXXX-XXXX";
    }

    /// <summary>The display form for an Aadhaar of which only the last four digits are known.</summary>
    public static string AadhaarLastFour(string lastFour) => $"XXXX-XXXX-{lastFour}";

    /// <summary><c>Ramesh Kumar</c> → <c>R*** K***</c>: initials only, and no hint of the length.</summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Select(w => char.IsSurrogate(w[0]) ? "***" : $"{w[0]}***"));
    }

    private static string KeepEnds(string? value, int keepStart, int keepEnd)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // Short values would be revealed almost whole by the kept ends: mask them completely.
        if (value.Length <= keepStart + keepEnd + 2)
        {
            return new string(MaskChar, value.Length);
        }

        return string.Concat(value.AsSpan(0, keepStart), new string(MaskChar, value.Length - keepStart - keepEnd), value.AsSpan(value.Length - keepEnd));
    }
}
