using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Core;

/// <summary>The engine's <see cref="TaskOrchestrationContext"/>: records the orchestrator's calls and completes them from history.</summary>
/// <remarks>
/// Not thread-safe by design: one context serves one step of one instance, on the replaying thread. Calls get
/// sequence numbers in the order the code makes them; replay matches them to the recorded scheduling events.
/// </remarks>
internal sealed partial class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly DataConverter converter;
    private readonly ILoggerFactory loggerFactory;
    private readonly string? serializedInput;
    private DateTimeOffset currentUtc;
    private int nextSequence;
    private int guidCounter;

    public ReplayOrchestrationContext(string name, string instanceId, string executionId, string? serializedInput, DataConverter converter, ILoggerFactory loggerFactory)
    {
        this.Name = name;
        this.InstanceId = instanceId;
        this.ExecutionId = executionId;
        this.serializedInput = serializedInput;
        this.converter = converter;
        this.loggerFactory = loggerFactory;
    }

    public override string Name { get; }

    public override string InstanceId { get; }

    public string ExecutionId { get; }

    public override DateTime CurrentUtcDateTime => this.currentUtc.UtcDateTime;

    public override bool IsReplaying => this.Replaying;

    /// <summary>Set by the executor: true while past events are applied.</summary>
    public bool Replaying { get; set; } = true;

    /// <summary>The serialized custom status as last set by the code.</summary>
    public string? CustomStatus { get; private set; }

    /// <summary>Set when the code called <see cref="ContinueAsNew"/>.</summary>
    public (string? Input, bool PreserveUnprocessedEvents)? ContinueAsNewRequest { get; private set; }

    protected override ILoggerFactory LoggerFactory => this.loggerFactory;

    public override T? GetInput<T>()
        where T : default => this.converter.Deserialize<T>(this.serializedInput);

    public override Guid NewGuid() =>
        DeterministicGuid.Create($"{this.InstanceId}_{this.currentUtc.UtcDateTime:o}_{this.guidCounter++}");

    public override void SetCustomStatus(object? customStatus) => this.CustomStatus = this.converter.Serialize(customStatus);

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) =>
        this.ContinueAsNewRequest = (this.converter.Serialize(newInput), preserveUnprocessedEvents);

    /// <summary>Advances the deterministic clock to the start of a recorded step.</summary>
    public void SetCurrentUtc(DateTimeOffset timestamp) => this.currentUtc = timestamp;

    private int NextSequence() => this.nextSequence++;

    private T DeserializeResult<T>(string? data) => data is null ? default! : this.converter.Deserialize<T>(data)!;
}
