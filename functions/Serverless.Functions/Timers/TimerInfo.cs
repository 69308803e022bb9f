namespace Serverless.Functions;

/// <summary>The input of a timer-triggered function.</summary>
public sealed class TimerInfo
{
    /// <summary>The schedule's status at the time of this firing; <see langword="null"/> when the trigger does not use a monitor.</summary>
    public ScheduleStatus? ScheduleStatus { get; init; }

    /// <summary>Whether this firing is for an occurrence that was due earlier (e.g. missed while no host ran).</summary>
    public bool IsPastDue { get; init; }
}
