namespace Serverless.Functions;

/// <summary>Triggers a function on a six-field NCRONTAB schedule (<c>{second} {minute} {hour} {day} {month} {day-of-week}</c>), in UTC.</summary>
/// <remarks>
/// With several host processes on one storage account an occurrence fires once, not once per process: each
/// occurrence is claimed through an ETag-guarded schedule row in table storage. An occurrence missed while no host
/// ran fires once at start with <see cref="TimerInfo.IsPastDue"/> set.
/// </remarks>
public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>A timer trigger.</summary>
    /// <param name="schedule">A six-field NCRONTAB expression, e.g. <c>0 */15 * * * *</c>, or <c>%SettingName%</c> to read it from configuration.</param>
    public TimerTriggerAttribute(string schedule)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schedule);
        Schedule = schedule;
    }

    /// <summary>The schedule expression.</summary>
    public string Schedule { get; }

    /// <summary>Also run once whenever a host process starts (in every process: meant for development).</summary>
    public bool RunOnStartup { get; set; }

    /// <summary>Keep schedule status in storage, which is what makes missed occurrences run and several hosts fire once; default on.</summary>
    public bool UseMonitor { get; set; } = true;
}
