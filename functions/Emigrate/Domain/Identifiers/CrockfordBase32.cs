namespace Emigrate.Domain.Identifiers;

/// <summary>
/// Douglas Crockford's base-32 alphabet: digits and upper-case letters without I, L, O and U, so an id read over
/// the phone or typed on a feature phone has no look-alike symbols.
/// </summary>
public static class CrockfordBase32
{
    /// <summary>The 32 symbols, in value order.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// The value of a symbol, or -1. Case-insensitive; O reads as 0 and I or L as 1, as Crockford specifies;
    /// U is not a symbol.
    /// </summary>
    public static int ValueOf(char symbol) => char.ToUpperInvariant(symbol) switch
    {
        'O' => 0,
        'I' or 'L' => 1,
        var c => Alphabet.IndexOf(c, StringComparison.Ordinal),
    };

    /// <summary>
    /// The Luhn mod 32 check symbol of a string of symbols: it catches every single-symbol substitution and
    /// almost every adjacent transposition, the two common typing mistakes.
    /// </summary>
    public static char CheckSymbol(ReadOnlySpan<char> symbols) => Alphabet[(32 - (LuhnSum(symbols, doubleRightmost: true) % 32)) % 32];

    /// <summary>Whether the last symbol is the Luhn mod 32 check symbol of the others.</summary>
    public static bool HasValidCheckSymbol(ReadOnlySpan<char> symbolsWithCheck) =>
        symbolsWithCheck.Length > 1 && LuhnSum(symbolsWithCheck, doubleRightmost: false) % 32 == 0;

    private static int LuhnSum(ReadOnlySpan<char> symbols, bool doubleRightmost)
    {
        var sum = 0;
        var factor = doubleRightmost ? 2 : 1;
        for (var i = symbols.Length - 1; i >= 0; i--)
        {
            var value = ValueOf(symbols[i]);
            if (value < 0)
            {
                throw new ArgumentException("Not a Crockford base-32 symbol.", nameof(symbols));
            }

            var addend = factor * value;
            sum += (addend / 32) + (addend % 32);
            factor = 3 - factor;
        }

        return sum;
    }
}
