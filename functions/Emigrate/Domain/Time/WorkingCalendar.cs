namespace Emigrate.Domain.Time;

/// <summary>
/// Working days of PoE offices: Monday to Friday in IST, less any holidays given (gazetted holidays are
/// optional configuration; without them only weekends are skipped).
/// </summary>
public sealed class WorkingCalendar
{
    private readonly HashSet<DateOnly> holidays;

    /// <summary>A calendar skipping weekends and the given holidays.</summary>
    public WorkingCalendar(IEnumerable<DateOnly>? holidays = null) => this.holidays = [.. holidays ?? []];

    /// <summary>Weekends only, no holidays.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new();

    /// <summary>Whether offices work on <paramref name="date"/>.</summary>
    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (!IsWorkingDay(next))
        {
            next = next.AddDays(1);
        }

        return next;
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="date"/>.</summary>
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        for (var i = 0; i < days; i++)
        {
            date = NextWorkingDay(date);
        }

        return date;
    }

    /// <summary>
    /// The instant <paramref name="days"/> working days of office time after <paramref name="instant"/>: Friday
    /// 15:00 plus one is Monday 15:00; something arriving on a Saturday starts the clock at Monday 00:00, so plus
    /// one is Tuesday 00:00. Computed on IST dates; the result is in IST.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset instant, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var local = IndiaTime.ToIst(instant);
        var date = DateOnly.FromDateTime(local.DateTime);
        var timeOfDay = TimeOnly.FromDateTime(local.DateTime);
        if (!IsWorkingDay(date))
        {
            date = NextWorkingDay(date);
            timeOfDay = TimeOnly.MinValue;
        }

        return IndiaTime.At(AddWorkingDays(date, days), timeOfDay);
    }
}
