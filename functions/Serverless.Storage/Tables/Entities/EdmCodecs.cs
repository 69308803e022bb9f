using System.Globalization;
using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

// The JSON form of each supported property type. Only types JSON cannot express unambiguously carry an annotation:
// Int64 travels as a string (JSON numbers lose precision beyond 2^53), and an integral or non-finite Double would
// otherwise be stored as Int32 or rejected.

internal readonly struct StringCodec : IEdmCodec<string>
{
    public static JsonEncodedText? Annotation(string value) => null;

    public static void Write(Utf8JsonWriter writer, string value) => writer.WriteStringValue(value);

    public static string Read(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : throw new FormatException($"Expected a string but found {reader.TokenType}.");
}

internal readonly struct Int32Codec : IEdmCodec<int>
{
    public static JsonEncodedText? Annotation(int value) => null;

    public static void Write(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    public static int Read(ref Utf8JsonReader reader) => Utf8Values.ParseInt32(ref reader);
}

internal readonly struct Int64Codec : IEdmCodec<long>
{
    public static JsonEncodedText? Annotation(long value) => EdmNames.Int64Json;

    public static void Write(Utf8JsonWriter writer, long value)
    {
        Span<byte> utf8 = stackalloc byte[20];
        value.TryFormat(utf8, out var written, default, CultureInfo.InvariantCulture);
        writer.WriteStringValue(utf8[..written]);
    }

    public static long Read(ref Utf8JsonReader reader) => Utf8Values.ParseInt64(ref reader);
}

internal readonly struct DoubleCodec : IEdmCodec<double>
{
    public static JsonEncodedText? Annotation(double value) =>
        double.IsInteger(value) || !double.IsFinite(value) ? EdmNames.DoubleJson : null;

    public static void Write(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }

    public static double Read(ref Utf8JsonReader reader) => Utf8Values.ParseDouble(ref reader);
}

internal readonly struct BooleanCodec : IEdmCodec<bool>
{
    public static JsonEncodedText? Annotation(bool value) => null;

    public static void Write(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    public static bool Read(ref Utf8JsonReader reader) => reader.GetBoolean();
}

internal readonly struct DateTimeOffsetCodec : IEdmCodec<DateTimeOffset>
{
    public static JsonEncodedText? Annotation(DateTimeOffset value) => EdmNames.DateTimeJson;

    /// <summary>Writes UTC with all seven fractional digits, so the full 100-ns precision is stored.</summary>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value)
    {
        Span<byte> utf8 = stackalloc byte[40];
        value.UtcDateTime.TryFormat(utf8, out var written, "O", CultureInfo.InvariantCulture);
        writer.WriteStringValue(utf8[..written]);
    }

    public static DateTimeOffset Read(ref Utf8JsonReader reader) => Utf8Values.ParseDateTimeOffset(ref reader);
}

internal readonly struct DateTimeCodec : IEdmCodec<DateTime>
{
    public static JsonEncodedText? Annotation(DateTime value) => EdmNames.DateTimeJson;

    public static void Write(Utf8JsonWriter writer, DateTime value) => DateTimeOffsetCodec.Write(writer, EdmValues.ToUtc(value));

    public static DateTime Read(ref Utf8JsonReader reader) => Utf8Values.ParseDateTimeOffset(ref reader).UtcDateTime;
}

internal readonly struct GuidCodec : IEdmCodec<Guid>
{
    public static JsonEncodedText? Annotation(Guid value) => EdmNames.GuidJson;

    public static void Write(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    public static Guid Read(ref Utf8JsonReader reader) => Utf8Values.ParseGuid(ref reader);
}

internal readonly struct BinaryCodec : IEdmCodec<byte[]>
{
    public static JsonEncodedText? Annotation(byte[] value) => EdmNames.BinaryJson;

    public static void Write(Utf8JsonWriter writer, byte[] value) => writer.WriteBase64StringValue(value);

    public static byte[] Read(ref Utf8JsonReader reader) => reader.GetBytesFromBase64();
}

internal readonly struct BinaryDataCodec : IEdmCodec<BinaryData>
{
    public static JsonEncodedText? Annotation(BinaryData value) => EdmNames.BinaryJson;

    public static void Write(Utf8JsonWriter writer, BinaryData value) => writer.WriteBase64StringValue(value.ToMemory().Span);

    public static BinaryData Read(ref Utf8JsonReader reader) => new(reader.GetBytesFromBase64());
}

/// <summary>Enums are stored as their name, as <c>Azure.Data.Tables</c> does, so a renumbering does not corrupt data.</summary>
internal readonly struct EnumCodec<TEnum> : IEdmCodec<TEnum>
    where TEnum : struct, Enum
{
    public static JsonEncodedText? Annotation(TEnum value) => null;

    public static void Write(Utf8JsonWriter writer, TEnum value) => writer.WriteStringValue(value.ToString());

    public static TEnum Read(ref Utf8JsonReader reader) => Utf8Values.ParseEnum<TEnum>(ref reader);
}
