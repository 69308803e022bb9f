namespace Serverless.Durable;

/// <summary>Classifies <see cref="OrchestrationRuntimeStatus"/> values.</summary>
public static class OrchestrationRuntimeStatusExtensions
{
    /// <summary>Whether an instance in <paramref name="status"/> has finished and will run no more code.</summary>
    /// <param name="status">The status to classify.</param>
    /// <returns><see langword="true"/> for Completed, Failed, Canceled and Terminated.</returns>
    public static bool IsTerminal(this OrchestrationRuntimeStatus status) => status is
        OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Canceled or OrchestrationRuntimeStatus.Terminated;
}
