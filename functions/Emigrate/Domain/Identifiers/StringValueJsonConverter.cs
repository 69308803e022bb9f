using System.Text.Json;
using System.Text.Json.Serialization;

namespace Emigrate.Domain.Identifiers;

/// <summary>
/// Writes a <see cref="IStringValue{TSelf}"/> as its canonical string and parses it back, so a stored value is
/// validated again on the way in rather than trusted.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class StringValueJsonConverter<T> : JsonConverter<T>
    where T : class, IStringValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}.");
        }

        return T.TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException($"Not a valid {typeof(T).Name}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
