namespace Serverless.Durable;

/// <summary>The runtime status of an orchestration instance.</summary>
/// <remarks>Values are persisted by backends by name; never renumber or rename them.</remarks>
public enum OrchestrationRuntimeStatus
{
    /// <summary>The orchestration started and has not finished.</summary>
    Running = 0,

    /// <summary>The orchestration finished successfully.</summary>
    Completed = 1,

    /// <summary>The orchestration restarted itself with new input; a new execution follows.</summary>
    ContinuedAsNew = 2,

    /// <summary>The orchestration finished with an unhandled failure.</summary>
    Failed = 3,

    /// <summary>The orchestration was canceled.</summary>
    Canceled = 4,

    /// <summary>The orchestration was terminated through the client.</summary>
    Terminated = 5,

    /// <summary>The orchestration was scheduled but has not started running.</summary>
    Pending = 6,

    /// <summary>The orchestration was suspended; its messages are buffered until it is resumed.</summary>
    Suspended = 7,
}
