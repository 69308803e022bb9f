namespace Serverless.Durable;

/// <summary>The orchestrator scheduled different work during replay than its history records.</summary>
/// <remarks>
/// Raised by the engine, not by orchestrator code: the instance fails with this error instead of diverging silently.
/// The usual causes are code changes deployed while instances were running, or non-deterministic code
/// (<c>DateTime.UtcNow</c>, <c>Guid.NewGuid()</c>, I/O, random numbers) deciding what to schedule.
/// </remarks>
public sealed class NonDeterministicOrchestrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">A message naming the expected (recorded) and the actual call.</param>
    public NonDeterministicOrchestrationException(string message)
        : base(message)
    {
    }
}
