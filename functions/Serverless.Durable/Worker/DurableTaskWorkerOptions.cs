namespace Serverless.Durable.Worker;

/// <summary>Settings of a <see cref="DurableTaskWorker"/>.</summary>
public sealed class DurableTaskWorkerOptions
{
    /// <summary>How many orchestration steps run at once.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 4;

    /// <summary>How many activities run at once.</summary>
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>After this many deliveries a message is poison: moved aside, and its instance failed (or its activity call failed).</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long the messages of a step that threw stay invisible before they are redelivered.</summary>
    public TimeSpan AbandonRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping worker lets running activities finish before it abandons them for redelivery.</summary>
    public TimeSpan StopGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a dispatcher waits after the backend failed before it tries again.</summary>
    public TimeSpan ErrorBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lists what is invalid; empty when the options are usable.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (this.MaxConcurrentOrchestrations < 1)
        {
            problems.Add($"{nameof(this.MaxConcurrentOrchestrations)} must be at least 1.");
        }

        if (this.MaxConcurrentActivities < 1)
        {
            problems.Add($"{nameof(this.MaxConcurrentActivities)} must be at least 1.");
        }

        if (this.MaxDequeueCount < 1)
        {
            problems.Add($"{nameof(this.MaxDequeueCount)} must be at least 1.");
        }

        if (this.AbandonRetryDelay < TimeSpan.Zero || this.StopGracePeriod < TimeSpan.Zero || this.ErrorBackoff < TimeSpan.Zero)
        {
            problems.Add("Delays and grace periods must not be negative.");
        }

        return problems;
    }
}
