namespace Serverless.Durable;

/// <summary>Converts inputs, outputs, event payloads and custom status to and from their stored text form.</summary>
/// <remarks>
/// Every value that crosses a durable boundary is stored serialized, and replays deserialize the stored text again.
/// Changing the converter (or the shape of a serialized type) for instances that are still running is a
/// compatibility hazard: their history was written with the old form.
/// </remarks>
public abstract class DataConverter
{
    /// <summary>Serializes <paramref name="value"/>.</summary>
    /// <param name="value">The value; <see langword="null"/> serializes to <see langword="null"/>.</param>
    /// <returns>The serialized text, or <see langword="null"/>.</returns>
    public abstract string? Serialize(object? value);

    /// <summary>Deserializes <paramref name="data"/> into <paramref name="targetType"/>.</summary>
    /// <param name="data">The serialized text; <see langword="null"/> gives <see langword="null"/>.</param>
    /// <param name="targetType">The type to produce.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public abstract object? Deserialize(string? data, Type targetType);

    /// <summary>Deserializes <paramref name="data"/> into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to produce.</typeparam>
    /// <param name="data">The serialized text; <see langword="null"/> gives <see langword="default"/>.</param>
    /// <returns>The value, or <see langword="default"/>.</returns>
    public virtual T? Deserialize<T>(string? data) => data is null ? default : (T?)this.Deserialize(data, typeof(T));
}
