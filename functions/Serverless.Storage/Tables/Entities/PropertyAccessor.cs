using System.Text;
using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Reads and writes one property of a typed entity, with its name pre-encoded for the JSON writer and reader.</summary>
internal abstract class PropertyAccessor<T>
    where T : class
{
    private readonly JsonEncodedText _name;
    private readonly JsonEncodedText _annotationName;

    protected PropertyAccessor(string name, Type propertyType)
    {
        Name = name;
        PropertyType = propertyType;
        Utf8Name = Encoding.UTF8.GetBytes(name);
        _name = JsonEncodedText.Encode(name);
        _annotationName = JsonEncodedText.Encode(name + EdmNames.TypeAnnotationSuffix);
    }

    public string Name { get; }

    public Type PropertyType { get; }

    /// <summary>The unescaped UTF-8 name, compared against the reader's property names.</summary>
    public byte[] Utf8Name { get; }

    /// <summary>Writes the property (and its type annotation if needed); a null value is left out, as tables store no nulls.</summary>
    public abstract void Write(Utf8JsonWriter writer, T entity);

    /// <summary>Reads the value at the reader's current token, which may be <see cref="JsonTokenType.Null"/>.</summary>
    public abstract void Read(ref Utf8JsonReader reader, T entity);

    protected void WriteValue<TValue, TCodec>(Utf8JsonWriter writer, TValue value)
        where TCodec : IEdmCodec<TValue>
    {
        if (TCodec.Annotation(value) is { } annotation)
        {
            writer.WriteString(_annotationName, annotation);
        }

        writer.WritePropertyName(_name);
        TCodec.Write(writer, value);
    }
}

/// <summary>A property of a reference type or non-nullable value type.</summary>
internal sealed class PropertyAccessor<T, TValue, TCodec>(string name, Func<T, TValue> get, Action<T, TValue> set)
    : PropertyAccessor<T>(name, typeof(TValue))
    where T : class
    where TCodec : IEdmCodec<TValue>
{
    public override void Write(Utf8JsonWriter writer, T entity)
    {
        var value = get(entity);
        if (value is not null)
        {
            WriteValue<TValue, TCodec>(writer, value);
        }
    }

    public override void Read(ref Utf8JsonReader reader, T entity) =>
        set(entity, reader.TokenType == JsonTokenType.Null ? default! : TCodec.Read(ref reader));
}

/// <summary>A property of a nullable value type.</summary>
internal sealed class NullablePropertyAccessor<T, TValue, TCodec>(string name, Func<T, TValue?> get, Action<T, TValue?> set)
    : PropertyAccessor<T>(name, typeof(TValue?))
    where T : class
    where TValue : struct
    where TCodec : IEdmCodec<TValue>
{
    public override void Write(Utf8JsonWriter writer, T entity)
    {
        var value = get(entity);
        if (value.HasValue)
        {
            WriteValue<TValue, TCodec>(writer, value.GetValueOrDefault());
        }
    }

    public override void Read(ref Utf8JsonReader reader, T entity) =>
        set(entity, reader.TokenType == JsonTokenType.Null ? null : TCodec.Read(ref reader));
}
