using Emigrate.Domain.Time;

namespace Emigrate.Domain.Clearance;

/// <summary>Settings for the deadlines of a case (bind from configuration section <c>Deadlines</c>).</summary>
public sealed class DeadlineOptions
{
    /// <summary>Days after registration by which every document must be verified.</summary>
    public int DocumentsDays { get; set; } = 30;

    /// <summary>Working days a PoE office has before a submitted case is escalated (guidance: same day).</summary>
    public int EscalationWorkingDays { get; set; } = 1;
}

/// <summary>The timer instants of a case.</summary>
public static class CaseDeadlines
{
    /// <summary>When the documents deadline passes and the case expires.</summary>
    public static DateTimeOffset DocumentsDue(DateTimeOffset registeredAt, DeadlineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return registeredAt.AddDays(options.DocumentsDays);
    }

    /// <summary>When an undecided clearance submission is escalated to the PoE office.</summary>
    public static DateTimeOffset EscalationDue(DateTimeOffset submittedAt, DeadlineOptions options, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(submittedAt, options.EscalationWorkingDays);
    }
}
