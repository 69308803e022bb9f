namespace Serverless.Durable.TestWorker.Recording;

/// <summary>One thing a worker process did: ran an activity, or committed an orchestration's completion.</summary>
/// <param name="InstanceId">The orchestration instance (for activities: the caller).</param>
/// <param name="Kind"><see cref="ActivityKind"/> or <see cref="CompletionKind"/>.</param>
/// <param name="Key">The activity id, or the completed status.</param>
/// <param name="Worker">The name of the worker process.</param>
public sealed record ExecutionRecord(string InstanceId, string Kind, string Key, string Worker)
{
    public const string ActivityKind = "activity";
    public const string CompletionKind = "completion";
}
