namespace Serverless.Functions;

/// <summary>The persisted state of a timer's schedule.</summary>
public sealed class ScheduleStatus
{
    /// <summary>The occurrence that fired last (this one, during a firing).</summary>
    public DateTimeOffset Last { get; init; }

    /// <summary>The next occurrence after <see cref="Last"/>.</summary>
    public DateTimeOffset Next { get; init; }

    /// <summary>When the status was last written.</summary>
    public DateTimeOffset LastUpdated { get; init; }
}
