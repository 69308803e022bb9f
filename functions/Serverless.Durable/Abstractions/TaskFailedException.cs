namespace Serverless.Durable;

/// <summary>Thrown into an orchestrator when an activity (or sub-orchestration) it awaited failed.</summary>
/// <remarks>
/// The exception is rebuilt from history on every replay, so catch it by type and inspect
/// <see cref="FailureDetails"/> (e.g. <see cref="TaskFailureDetails.IsCausedBy{T}"/>) rather than the original exception.
/// </remarks>
public class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The name of the failed activity or sub-orchestration.</param>
    /// <param name="taskId">The id of the task in the orchestration's history.</param>
    /// <param name="failureDetails">What is known about the failure.</param>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base(CreateMessage(taskName, taskId, failureDetails))
    {
        this.TaskName = taskName;
        this.TaskId = taskId;
        this.FailureDetails = failureDetails;
    }

    /// <summary>The name of the failed activity or sub-orchestration.</summary>
    public string TaskName { get; }

    /// <summary>The id of the task in the orchestration's history.</summary>
    public int TaskId { get; }

    /// <summary>What is known about the failure.</summary>
    public TaskFailureDetails FailureDetails { get; }

    private static string CreateMessage(string taskName, int taskId, TaskFailureDetails failureDetails)
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        return $"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails.ErrorMessage}";
    }
}
