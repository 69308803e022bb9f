using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Azure;

namespace Serverless.Storage.Tables.Entities;

/// <summary>The JSON body of an entity: chooses the dictionary or typed serializer and handles the system properties.</summary>
internal static class EntityJson
{
    private static readonly ConcurrentDictionary<Type, IEntityWriter> Writers = new();

    // Utf8JsonWriter asks its buffer for 4 KiB at a time, so a fresh buffer per entity costs ~5 KiB; each thread keeps one
    // and copies out just the bytes written. An unusually large entity's buffer is dropped rather than kept.
    private const int MaxRetainedBuffer = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>The entity as a UTF-8 JSON object ready to send.</summary>
    public static ReadOnlyMemory<byte> Serialize<T>(T entity)
        where T : class, ITableEntity
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        try
        {
            Write(writer, entity);
            writer.Flush();
            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            if (buffer.Capacity > MaxRetainedBuffer)
            {
                t_buffer = null;
                t_writer = null;
            }
        }
    }

    public static void Write<T>(Utf8JsonWriter writer, T entity)
        where T : class, ITableEntity
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity is TableEntity dictionary)
        {
            DictionaryEntityWriter.Write(writer, dictionary);
        }
        else if (entity.GetType() == typeof(T))
        {
            TypedEntitySerializer<T>.Instance.Write(writer, entity);
        }
        else
        {
            // Held as ITableEntity or a base class (transaction actions): look the runtime type's writer up once.
            Writers.GetOrAdd(entity.GetType(), CreateWriter).Write(writer, entity);
        }
    }

    /// <summary>Reads the object at the reader's <see cref="JsonTokenType.StartObject"/>; the reader ends on its <see cref="JsonTokenType.EndObject"/>.</summary>
    public static T Read<T>(ref Utf8JsonReader reader)
        where T : class, ITableEntity, new()
    {
        if (typeof(T) == typeof(TableEntity))
        {
            return (T)(object)DictionaryEntityReader.Read(ref reader);
        }

        var entity = new T();
        TypedEntitySerializer<T>.Instance.Read(ref reader, entity);
        return entity;
    }

    /// <summary>Reads a single entity body, as a point read returns it.</summary>
    public static T Read<T>(ReadOnlySpan<byte> json)
        where T : class, ITableEntity, new()
    {
        var reader = new Utf8JsonReader(json);
        reader.Read();
        return Read<T>(ref reader);
    }

    public static void WriteKeys(Utf8JsonWriter writer, ITableEntity entity)
    {
        writer.WriteString(EdmNames.PartitionKeyJson, entity.PartitionKey ?? throw MissingKey(nameof(ITableEntity.PartitionKey)));
        writer.WriteString(EdmNames.RowKeyJson, entity.RowKey ?? throw MissingKey(nameof(ITableEntity.RowKey)));
    }

    /// <summary>If the reader is on the name of a key, the timestamp or the ETag, reads its value into the entity.</summary>
    public static bool TryReadSystemProperty(ref Utf8JsonReader reader, ITableEntity entity)
    {
        if (reader.ValueTextEquals("PartitionKey"u8))
        {
            reader.Read();
            entity.PartitionKey = reader.GetString()!;
        }
        else if (reader.ValueTextEquals("RowKey"u8))
        {
            reader.Read();
            entity.RowKey = reader.GetString()!;
        }
        else if (reader.ValueTextEquals("Timestamp"u8))
        {
            reader.Read();
            entity.Timestamp = Utf8Values.ParseDateTimeOffset(ref reader);
        }
        else if (reader.ValueTextEquals("odata.etag"u8))
        {
            reader.Read();
            entity.ETag = new ETag(reader.GetString()!);
        }
        else
        {
            return false;
        }

        return true;
    }

    private static IEntityWriter CreateWriter(Type type) =>
        (IEntityWriter)typeof(TypedEntitySerializer<>).MakeGenericType(type).GetProperty("Instance")!.GetValue(null)!;

    private static ArgumentException MissingKey(string name) => new($"The entity has no {name}.", "entity");
}
