using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>The wire form of one property type: its EDM type annotation, its JSON value, and how to read it back.</summary>
/// <remarks>
/// Static abstract members let the typed-entity accessors call the codec without boxing or virtual dispatch.
/// </remarks>
internal interface IEdmCodec<TValue>
{
    /// <summary>The <c>@odata.type</c> to send with this value, or <see langword="null"/> when JSON already implies it.</summary>
    static abstract JsonEncodedText? Annotation(TValue value);

    /// <summary>Writes the value (the property name is already written).</summary>
    static abstract void Write(Utf8JsonWriter writer, TValue value);

    /// <summary>Reads the value at the reader's current, non-null token.</summary>
    static abstract TValue Read(ref Utf8JsonReader reader);
}
