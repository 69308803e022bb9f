using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Writes and reads one typed entity class through accessors built once per type.</summary>
/// <remarks>
/// On the hot path: no boxing, no per-property strings, and property names matched as UTF-8 bytes, trying first the
/// accessor after the last match because the service returns properties in a stable order.
/// </remarks>
internal sealed class TypedEntitySerializer<T> : IEntityWriter
    where T : class, ITableEntity
{
    private readonly PropertyAccessor<T>[] _properties = PropertyAccessorFactory.Create<T>();

    public static TypedEntitySerializer<T> Instance { get; } = new();

    public void Write(Utf8JsonWriter writer, ITableEntity entity) => Write(writer, (T)entity);

    public void Write(Utf8JsonWriter writer, T entity)
    {
        writer.WriteStartObject();
        EntityJson.WriteKeys(writer, entity);
        foreach (var property in _properties)
        {
            property.Write(writer, entity);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the properties of the object starting at the reader's <see cref="JsonTokenType.StartObject"/> into <paramref name="entity"/>.</summary>
    public void Read(ref Utf8JsonReader reader, T entity)
    {
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueSpan.EndsWith("@odata.type"u8))
            {
                // The declared property type decides how a value is read; the annotation adds nothing.
                reader.Read();
                continue;
            }

            var property = Find(ref reader, ref next);
            if (property is not null)
            {
                reader.Read();
                ReadProperty(ref reader, property, entity);
            }
            else if (!EntityJson.TryReadSystemProperty(ref reader, entity))
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private PropertyAccessor<T>? Find(ref Utf8JsonReader reader, ref int next)
    {
        var properties = _properties;
        for (var i = 0; i < properties.Length; i++)
        {
            var index = next + i < properties.Length ? next + i : next + i - properties.Length;
            if (reader.ValueTextEquals(properties[index].Utf8Name))
            {
                next = index + 1;
                return properties[index];
            }
        }

        return null;
    }

    private static void ReadProperty(ref Utf8JsonReader reader, PropertyAccessor<T> property, T entity)
    {
        try
        {
            property.Read(ref reader, entity);
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"Property '{property.Name}' of {typeof(T).Name} ({entity.PartitionKey}, {entity.RowKey}) " +
                $"cannot be read as {property.PropertyType.Name}: {ex.Message}",
                ex);
        }
    }
}
