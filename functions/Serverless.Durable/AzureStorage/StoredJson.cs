using System.Text.Json;
using System.Text.Json.Serialization;
using Serverless.Durable.History;

namespace Serverless.Durable.AzureStorage;

/// <summary>The JSON of what the backend stores: queue message envelopes, history entries, outboxes.</summary>
/// <remarks>
/// A storage format: property names are short and must never be renamed. The default encoder escapes every non-ASCII
/// and every XML-special character, so the text is ASCII and travels in a queue message without growing.
/// </remarks>
internal static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored JSON for {typeof(T).Name} was null.");
}

/// <summary>A message as it travels in a queue: the task message, or a reference to the blob that holds it.</summary>
/// <param name="Id">The message's stable id.</param>
/// <param name="InstanceId">The instance it is for.</param>
/// <param name="ExecutionId">The execution it is for, if any.</param>
/// <param name="Event">The event; null when it is in <paramref name="Blob"/>.</param>
/// <param name="VisibleAt">Not to be delivered before this.</param>
/// <param name="Blob">The payload blob holding the whole envelope, for messages too large for a queue.</param>
internal sealed record MessageEnvelope(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("i")] string InstanceId,
    [property: JsonPropertyName("x")] string? ExecutionId,
    [property: JsonPropertyName("e")] HistoryEvent? Event,
    [property: JsonPropertyName("v")] DateTimeOffset? VisibleAt,
    [property: JsonPropertyName("b")] string? Blob)
{
    /// <summary>How many times it was dequeued before it was moved to the poison queue (poison copies only).</summary>
    [JsonPropertyName("n")]
    public int? DequeueCount { get; init; }
}

/// <summary>One history event as stored in a history row or the instance row's tail: inline, or in a blob when large.</summary>
/// <param name="Event">The event; null when it is in <paramref name="Blob"/>.</param>
/// <param name="Blob">The payload blob holding the event's JSON.</param>
internal sealed record StoredEvent(
    [property: JsonPropertyName("e")] HistoryEvent? Event,
    [property: JsonPropertyName("b")] string? Blob);

/// <summary>A message of the last step's outbox: where it goes and its queue text.</summary>
/// <param name="Activity">Whether it goes to the work-item queue (otherwise to its instance's control queue).</param>
/// <param name="InstanceId">The instance it is for (its control partition).</param>
/// <param name="Text">The queue message text (an envelope).</param>
/// <param name="VisibleAt">Not to be delivered before this.</param>
internal sealed record OutboxMessage(
    [property: JsonPropertyName("a")] bool Activity,
    [property: JsonPropertyName("i")] string InstanceId,
    [property: JsonPropertyName("t")] string Text,
    [property: JsonPropertyName("v")] DateTimeOffset? VisibleAt)
{
    /// <summary>Whether it is a timer of its instance (not stored: an outbox sent again after a crash is not tracked).</summary>
    [JsonIgnore]
    public bool Timer { get; init; }
}
