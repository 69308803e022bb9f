using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Reads <see cref="TableEntity"/>: the wire's type annotation, or else the JSON token, decides each value's type.</summary>
internal static class DictionaryEntityReader
{
    /// <summary>Reads the object at the reader's <see cref="JsonTokenType.StartObject"/>.</summary>
    /// <remarks>The service sends each annotation before its value; one that comes after still converts the stored value.</remarks>
    public static TableEntity Read(ref Utf8JsonReader reader)
    {
        var entity = new TableEntity();
        string? annotatedName = null;
        string? annotatedType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (EntityJson.TryReadSystemProperty(ref reader, entity))
            {
                continue;
            }

            var name = reader.GetString()!;
            reader.Read();
            if (name.EndsWith(EdmNames.TypeAnnotationSuffix, StringComparison.Ordinal))
            {
                annotatedName = name[..^EdmNames.TypeAnnotationSuffix.Length];
                annotatedType = reader.GetString();
                if (entity.TryGetValue(annotatedName, out var early) && annotatedType is not null)
                {
                    entity[annotatedName] = EdmValues.Convert(early, annotatedType);
                }

                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal))
            {
                reader.Skip();
                continue;
            }

            var type = string.Equals(name, annotatedName, StringComparison.Ordinal) ? annotatedType : null;
            var value = ReadValue(ref reader, type);
            if (value is not null)
            {
                entity[name] = value;
            }
        }

        return entity;
    }

    private static object? ReadValue(ref Utf8JsonReader reader, string? edmType)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String: return ReadString(ref reader, edmType);
            case JsonTokenType.Number: return ReadNumber(ref reader, edmType);
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            default:
                reader.Skip();
                return null;
        }
    }

    // Each branch boxes its own type: a switch expression would give its arms a common type (Int32 would become Double).
    private static object? ReadString(ref Utf8JsonReader reader, string? edmType)
    {
        switch (edmType)
        {
            case EdmNames.Int64: return Int64Codec.Read(ref reader);
            case EdmNames.Double: return DoubleCodec.Read(ref reader);
            case EdmNames.DateTime: return DateTimeOffsetCodec.Read(ref reader);
            case EdmNames.Guid: return GuidCodec.Read(ref reader);
            case EdmNames.Binary: return BinaryCodec.Read(ref reader);
            case EdmNames.Int32: return Int32Codec.Read(ref reader);
            default: return reader.GetString();
        }
    }

    private static object ReadNumber(ref Utf8JsonReader reader, string? edmType)
    {
        if (edmType == EdmNames.Double)
        {
            return reader.GetDouble();
        }

        if (edmType == EdmNames.Int64)
        {
            return reader.GetInt64();
        }

        // Without an annotation the service writes a Double with a decimal point or an exponent (3.0, not 3).
        if (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0)
        {
            return reader.GetDouble();
        }

        if (reader.TryGetInt32(out var int32))
        {
            return int32;
        }

        return reader.TryGetInt64(out var int64) ? int64 : reader.GetDouble();
    }
}
