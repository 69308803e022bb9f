namespace Serverless.Functions.Timers;

/// <summary>Keeps each timer's <see cref="ScheduleStatus"/> where every host process sees it, and lets exactly one process claim an occurrence.</summary>
internal interface IScheduleMonitor
{
    /// <summary>The timer's last written status; <see langword="null"/> before its first firing.</summary>
    Task<ScheduleStatus?> GetStatusAsync(string timerName, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="occurrence"/> as fired, unless it (or a later one) already was: <see langword="true"/> means
    /// this process won the occurrence and must run it; <see langword="false"/> that another process did.
    /// </summary>
    Task<bool> TryClaimAsync(string timerName, DateTimeOffset occurrence, DateTimeOffset next, CancellationToken cancellationToken);
}
