namespace Emigrate.Domain.Time;

/// <summary>
/// Indian Standard Time: the clock applicants, CSCs and PoE offices live by. Dates such as "today" for
/// eligibility, quiet hours for SMS and working days are all IST.
/// </summary>
/// <remarks>
/// IST is a fixed UTC+05:30 with no daylight saving, so a constant offset is exact and avoids depending on the
/// host's time-zone database (often missing in slim containers).
/// </remarks>
public static class IndiaTime
{
    /// <summary>The offset of IST from UTC.</summary>
    public static readonly TimeSpan Offset = new(5, 30, 0);

    /// <summary>The instant expressed in IST.</summary>
    public static DateTimeOffset ToIst(DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>The IST calendar date of an instant.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(ToIst(instant).DateTime);

    /// <summary>Today's date in India.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DateOf(time.GetUtcNow());
    }

    /// <summary>The instant of an IST wall-clock time.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time) => new(date.ToDateTime(time), Offset);
}
