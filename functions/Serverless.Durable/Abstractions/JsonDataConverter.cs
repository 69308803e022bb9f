using System.Text.Json;

namespace Serverless.Durable;

/// <summary>A <see cref="DataConverter"/> over System.Text.Json, camelCase by default (the wire convention).</summary>
public sealed class JsonDataConverter : DataConverter
{
    private readonly JsonSerializerOptions options;

    /// <summary>Creates a converter.</summary>
    /// <param name="options">Serializer options; <see langword="null"/> uses <see cref="JsonSerializerDefaults.Web"/>.</param>
    public JsonDataConverter(JsonSerializerOptions? options = null)
    {
        this.options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    /// <summary>The shared default converter.</summary>
    public static JsonDataConverter Default { get; } = new();

    /// <inheritdoc/>
    public override string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), this.options);

    /// <inheritdoc/>
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        return data is null ? null : JsonSerializer.Deserialize(data, targetType, this.options);
    }
}
