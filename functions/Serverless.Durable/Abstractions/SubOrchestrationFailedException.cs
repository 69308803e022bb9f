namespace Serverless.Durable;

/// <summary>Thrown into an orchestrator when a sub-orchestration it awaited failed (or was terminated).</summary>
/// <remarks>Derives from <see cref="TaskFailedException"/> so one catch handles activity and sub-orchestration failures.</remarks>
public sealed class SubOrchestrationFailedException : TaskFailedException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The name of the sub-orchestrator.</param>
    /// <param name="taskId">The id of the task in the parent's history.</param>
    /// <param name="failureDetails">What is known about the failure.</param>
    public SubOrchestrationFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base(taskName, taskId, failureDetails)
    {
    }
}
