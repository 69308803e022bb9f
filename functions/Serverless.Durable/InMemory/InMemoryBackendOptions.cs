using Serverless.Durable.Backend;

namespace Serverless.Durable.InMemory;

/// <summary>Settings of the in-memory backend.</summary>
public sealed class InMemoryBackendOptions
{
    /// <summary>How long a work item stays locked before another worker may take it.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest message delay accepted, to emulate a queue's limit (Azure: 7 days); <see langword="null"/> for none.</summary>
    public TimeSpan? MaxMessageDelay { get; set; }

    /// <summary>
    /// For crash tests: asked at each commit's commit point (history and state written, nothing sent or removed yet);
    /// when it answers <see langword="true"/> the commit stops there and throws, as if the process died. The work item's
    /// lock is then held until it expires (an abandon has no effect), and the commit's outbound messages are sent only
    /// when one of the messages it consumed comes back: the re-send every backend must do (see the backend contract).
    /// </summary>
    public Func<OrchestrationWorkItem, OrchestrationCommit, bool>? CrashAfterCommitPoint { get; set; }
}
