using Serverless.Durable.History;

namespace Serverless.Durable.Backend;

/// <summary>A message between the engine's parts: a history event addressed to an orchestration instance, or an activity call.</summary>
/// <param name="MessageId">A stable id: every delivery of one logical message carries the same id.</param>
/// <param name="InstanceId">The orchestration instance the message is for (for activity calls: the caller).</param>
/// <param name="ExecutionId">The execution the message belongs to; <see langword="null"/> for any (client messages).</param>
/// <param name="Event">The event the message carries.</param>
/// <remarks>
/// Delivery is at-least-once. The engine makes duplicates harmless: completions are matched to their scheduling
/// event id and applied once, events raised are applied once per <see cref="MessageId"/>, and messages for an
/// older execution are dropped.
/// </remarks>
public sealed record TaskMessage(string MessageId, string InstanceId, string? ExecutionId, HistoryEvent Event)
{
    /// <summary>When the message may first be delivered; <see langword="null"/> for at once. Backends never deliver it earlier.</summary>
    public DateTimeOffset? VisibleAt { get; init; }

    /// <summary>How many times the backend has delivered this message, this delivery included (1 on the first). Set by the backend.</summary>
    public int DequeueCount { get; init; }
}
