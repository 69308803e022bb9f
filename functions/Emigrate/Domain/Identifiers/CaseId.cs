using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// Our case id: <c>EM</c>, nine random Crockford base-32 symbols and one check symbol, e.g. <c>EM7K2QX9RB4W</c>.
/// </summary>
/// <remarks>
/// Nine symbols carry 45 random bits (3.5 × 10^13 ids): at 10 lakh cases a year a collision is rare but not
/// impossible over a decade, so whoever stores a new case must insert-if-absent and draw again on a conflict.
/// The check symbol lets an SMS with a mistyped id be answered "check the id" instead of "not found".
/// </remarks>
[JsonConverter(typeof(StringValueJsonConverter<CaseId>))]
public sealed record CaseId : IStringValue<CaseId>
{
    /// <summary>Every case id starts with this.</summary>
    public const string Prefix = "EM";

    /// <summary>Symbols after the prefix: random ones plus the check symbol.</summary>
    public const int SymbolCount = RandomSymbols + 1;

    /// <summary>Random bytes <see cref="FromRandomBytes"/> needs.</summary>
    public const int RandomByteCount = 6;

    private const int RandomSymbols = 9;

    private CaseId(string value) => Value = value;

    /// <summary>The canonical form: <c>EM</c> and ten upper-case symbols.</summary>
    public string Value { get; }

    /// <summary>A new id from a cryptographic random source.</summary>
    public static CaseId New(RandomNumberGenerator random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[RandomByteCount];
        random.GetBytes(bytes);
        return FromRandomBytes(bytes);
    }

    /// <summary>The id made from <see cref="RandomByteCount"/> random bytes (deterministic, for tests and replays).</summary>
    public static CaseId FromRandomBytes(ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length < RandomByteCount)
        {
            throw new ArgumentException($"A case id needs {RandomByteCount} random bytes.", nameof(randomBytes));
        }

        Span<byte> padded = stackalloc byte[8];
        randomBytes[..RandomByteCount].CopyTo(padded);
        var bits = BinaryPrimitives.ReadUInt64LittleEndian(padded);
        Span<char> symbols = stackalloc char[SymbolCount];
        for (var i = 0; i < RandomSymbols; i++)
        {
            symbols[i] = CrockfordBase32.Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        symbols[RandomSymbols] = CrockfordBase32.CheckSymbol(symbols[..RandomSymbols]);
        return new CaseId(Prefix + new string(symbols));
    }

    /// <summary>
    /// Parses what a person typed: any case, spaces or hyphens anywhere, the <c>EM</c> prefix optional, O for 0 and
    /// I or L for 1. Fails when the check symbol does not match.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out CaseId? value)
    {
        value = null;
        if (text is null)
        {
            return false;
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (compact.Length == Prefix.Length + SymbolCount && compact.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            compact = compact[Prefix.Length..];
        }

        if (compact.Length != SymbolCount)
        {
            return false;
        }

        Span<char> canonical = stackalloc char[SymbolCount];
        for (var i = 0; i < SymbolCount; i++)
        {
            var symbol = CrockfordBase32.ValueOf(compact[i]);
            if (symbol < 0)
            {
                return false;
            }

            canonical[i] = CrockfordBase32.Alphabet[symbol];
        }

        if (!CrockfordBase32.HasValidCheckSymbol(canonical))
        {
            return false;
        }

        value = new CaseId(Prefix + new string(canonical));
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
