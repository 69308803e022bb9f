using Emigrate.Domain.Time;

namespace Emigrate.Sms;

/// <summary>Reminders go out only between 09:00 and 21:00 IST.</summary>
public static class QuietHours
{
    /// <summary>First minute of the sending window (IST).</summary>
    public static readonly TimeOnly WindowStart = new(9, 0);

    /// <summary>End of the sending window (IST), exclusive.</summary>
    public static readonly TimeOnly WindowEnd = new(21, 0);

    /// <summary>Whether a reminder may go out at <paramref name="instant"/>.</summary>
    public static bool IsAllowed(DateTimeOffset instant)
    {
        var time = TimeOnly.FromDateTime(IndiaTime.ToIst(instant).DateTime);
        return time >= WindowStart && time < WindowEnd;
    }

    /// <summary>
    /// <paramref name="instant"/> itself when inside the window, otherwise the next 09:00 IST (the same morning
    /// before 09:00, the next morning after 21:00).
    /// </summary>
    public static DateTimeOffset NextAllowedSendTime(DateTimeOffset instant)
    {
        if (IsAllowed(instant))
        {
            return instant;
        }

        var local = IndiaTime.ToIst(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var morning = TimeOnly.FromDateTime(local.DateTime) < WindowStart ? date : date.AddDays(1);
        return IndiaTime.At(morning, WindowStart);
    }
}
