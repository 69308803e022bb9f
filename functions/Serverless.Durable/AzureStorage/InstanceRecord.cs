using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;

namespace Serverless.Durable.AzureStorage;

/// <summary>What the backend knows of one instance: its row in the instances table, with the history of the current execution.</summary>
/// <remarks>Kept in memory between steps by the partition's owner (the instance cache); every write is conditional on <see cref="ETag"/>.</remarks>
internal sealed class InstanceRecord
{
    public required string InstanceId { get; init; }

    /// <summary>The state with its payloads resolved.</summary>
    public required OrchestrationState State { get; init; }

    /// <summary>The version of the row.</summary>
    public required ETag ETag { get; init; }

    /// <summary>The history of the current execution: the committed rows' events, then the tail's.</summary>
    public required IReadOnlyList<HistoryEvent> History { get; init; }

    /// <summary>How many history rows of the current execution are committed (rows past it are leftovers of failed writers).</summary>
    public int HistoryRows { get; init; }

    /// <summary>The events not yet moved to history rows: the JSON of each <see cref="StoredEvent"/>, as stored in the row.</summary>
    public IReadOnlyList<string> Tail { get; init; } = [];

    /// <summary>The last commit's outbound messages, re-sent when a message it consumed comes back (the committer may have died before sending).</summary>
    public IReadOnlyList<OutboxMessage> Outbox { get; init; } = [];

    /// <summary>The ids of the messages the last commit consumed.</summary>
    public IReadOnlySet<string> OutboxFor { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The statuses whose index rows may exist for this instance (one bit per status).</summary>
    public int IndexedStatuses { get; init; }

    /// <summary>The id of the commit (or create) that wrote the row: recognises one's own write after a retried request.</summary>
    public string? CommitId { get; init; }

    /// <summary>Whether this process wrote the record and saw its outbox sent: a consumed message that comes back is then a mere duplicate.</summary>
    /// <remarks>False for a record read from the table: its committer (maybe another process) may have died before sending.</remarks>
    public bool OutboxSent { get; set; }

    /// <summary>The payload blobs the row refers to by property (input, output, custom status, failure, outbox): reused while the value is unchanged, deleted once replaced.</summary>
    public IReadOnlyDictionary<string, string> Blobs { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>For a speculative record (state and history after a step whose write has not landed): the pending writes that make it durable.</summary>
    /// <remarks>Only <see cref="State"/> and <see cref="History"/> of a speculative record are meaningful; writes build on <see cref="PendingWrites.Landed"/>.</remarks>
    public PendingWrites? Pending { get; init; }

    public static int Bit(OrchestrationRuntimeStatus status) => 1 << (int)status;
}
