using System.Globalization;
using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Parses short string tokens (numbers, dates, GUIDs, enum names) into stack buffers, without allocating strings.</summary>
internal static class Utf8Values
{
    private const int MaxShortValue = 128;

    public static long ParseInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        Span<char> chars = stackalloc char[MaxShortValue];
        return long.Parse(chars[..CopyChars(ref reader, chars)], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    public static int ParseInt32(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt32();
        }

        Span<char> chars = stackalloc char[MaxShortValue];
        return int.Parse(chars[..CopyChars(ref reader, chars)], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    /// <summary>A double from a number, or from <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> or a numeric string.</summary>
    public static double ParseDouble(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDouble();
        }

        Span<char> chars = stackalloc char[MaxShortValue];
        return double.Parse(chars[..CopyChars(ref reader, chars)], NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>A UTC instant; a value without an offset is taken as UTC, as the service does.</summary>
    public static DateTimeOffset ParseDateTimeOffset(ref Utf8JsonReader reader)
    {
        Span<char> chars = stackalloc char[MaxShortValue];
        return DateTimeOffset.Parse(
            chars[..CopyChars(ref reader, chars)],
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
    }

    public static Guid ParseGuid(ref Utf8JsonReader reader)
    {
        if (reader.TryGetGuid(out var guid))
        {
            return guid;
        }

        Span<char> chars = stackalloc char[MaxShortValue];
        return Guid.Parse(chars[..CopyChars(ref reader, chars)]);
    }

    public static TEnum ParseEnum<TEnum>(ref Utf8JsonReader reader)
        where TEnum : struct, Enum
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            // Written by a client that stored the number; accept it rather than fail the whole entity.
            return (TEnum)Enum.ToObject(typeof(TEnum), reader.GetInt64());
        }

        if (reader.ValueSpan.Length > MaxShortValue)
        {
            return Enum.Parse<TEnum>(reader.GetString()!);
        }

        Span<char> chars = stackalloc char[MaxShortValue];
        return Enum.Parse<TEnum>(chars[..CopyChars(ref reader, chars)]);
    }

    private static int CopyChars(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new FormatException($"Expected a JSON string but found {reader.TokenType}.");
        }

        // UTF-8 never has fewer bytes than UTF-16 has chars, so the raw length bounds the copy.
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > buffer.Length)
        {
            throw new FormatException($"A {length}-byte value is too long for its type.");
        }

        return reader.CopyString(buffer);
    }
}
