using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Writes <see cref="TableEntity"/>: each value's runtime type decides its EDM type.</summary>
internal static class DictionaryEntityWriter
{
    // Azure caps property names at 255 characters; longer ones are rejected by the service, not here.
    private const int MaxStackName = 256;

    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        EntityJson.WriteKeys(writer, entity);
        foreach (var (name, value) in entity)
        {
            if (value is null || name is EdmNames.PartitionKey or EdmNames.RowKey || EdmNames.IsReadOnlySystemProperty(name))
            {
                continue;
            }

            switch (value)
            {
                case string s: Write<string, StringCodec>(writer, name, s); break;
                case int i: Write<int, Int32Codec>(writer, name, i); break;
                case long l: Write<long, Int64Codec>(writer, name, l); break;
                case double d: Write<double, DoubleCodec>(writer, name, d); break;
                case bool b: Write<bool, BooleanCodec>(writer, name, b); break;
                case DateTimeOffset dto: Write<DateTimeOffset, DateTimeOffsetCodec>(writer, name, dto); break;
                case DateTime dt: Write<DateTime, DateTimeCodec>(writer, name, dt); break;
                case Guid g: Write<Guid, GuidCodec>(writer, name, g); break;
                case byte[] bytes: Write<byte[], BinaryCodec>(writer, name, bytes); break;
                case BinaryData data: Write<BinaryData, BinaryDataCodec>(writer, name, data); break;
                case Enum e: writer.WriteString(name, e.ToString()); break;
                default:
                    throw new NotSupportedException(
                        $"Property '{name}' is a {value.GetType().Name}, which a table cannot store. Use string, int, long, " +
                        "double, bool, DateTimeOffset, DateTime, Guid, byte[], BinaryData or an enum.");
            }
        }

        writer.WriteEndObject();
    }

    private static void Write<TValue, TCodec>(Utf8JsonWriter writer, string name, TValue value)
        where TCodec : IEdmCodec<TValue>
    {
        if (TCodec.Annotation(value) is { } annotation)
        {
            var length = name.Length + EdmNames.TypeAnnotationSuffix.Length;
            Span<char> annotationName = length <= MaxStackName ? stackalloc char[length] : new char[length];
            name.CopyTo(annotationName);
            EdmNames.TypeAnnotationSuffix.CopyTo(annotationName[name.Length..]);
            writer.WriteString(annotationName, annotation);
        }

        writer.WritePropertyName(name);
        TCodec.Write(writer, value);
    }
}
