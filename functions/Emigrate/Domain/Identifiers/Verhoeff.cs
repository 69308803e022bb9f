namespace Emigrate.Domain.Identifiers;

/// <summary>
/// The Verhoeff check-digit scheme (dihedral group D5), which Aadhaar uses: it catches every single-digit error
/// and every transposition of adjacent digits.
/// </summary>
public static class Verhoeff
{
    private static readonly byte[,] Multiplication =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 },
        { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 },
        { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 },
        { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 },
        { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 },
        { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permutation =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 },
        { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 },
        { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 },
        { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 },
        { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 },
        { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    private static readonly byte[] Inverse = { 0, 4, 3, 2, 1, 5, 6, 7, 8, 9 };

    /// <summary>Whether a string of ASCII digits ends in its correct Verhoeff check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits) => digits.Length > 0 && Checksum(digits, offset: 0) == 0;

    /// <summary>The check digit to append to a string of ASCII digits.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digits) => (char)('0' + Inverse[Checksum(digits, offset: 1)]);

    private static int Checksum(ReadOnlySpan<char> digits, int offset)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (digit is < 0 or > 9)
            {
                throw new ArgumentException("Only ASCII digits have a Verhoeff checksum.", nameof(digits));
            }

            c = Multiplication[c, Permutation[(i + offset) % 8, digit]];
        }

        return c;
    }
}
