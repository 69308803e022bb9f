using Emigrate.Domain.Time;

namespace Emigrate.Tests.Domain.Time;

public sealed class WorkingCalendarTests
{
    private static readonly DateOnly Friday = new(2025, 6, 6);
    private static readonly DateOnly Saturday = new(2025, 6, 7);
    private static readonly DateOnly Monday = new(2025, 6, 9);

    [Fact]
    public void Weekends_are_not_working_days()
    {
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(Friday));
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(Saturday));
        Assert.False(WorkingCalendar.WeekendsOnly.IsWorkingDay(Saturday.AddDays(1)));
    }

    [Fact]
    public void One_working_day_after_friday_is_monday() =>
        Assert.Equal(Monday, WorkingCalendar.WeekendsOnly.AddWorkingDays(Friday, 1));

    [Fact]
    public void Holidays_are_skipped_when_given()
    {
        var calendar = new WorkingCalendar([Monday]);
        Assert.Equal(Monday.AddDays(1), calendar.AddWorkingDays(Friday, 1));
    }

    [Fact]
    public void Zero_working_days_is_the_same_day() =>
        Assert.Equal(Friday, WorkingCalendar.WeekendsOnly.AddWorkingDays(Friday, 0));

    [Fact]
    public void Working_days_from_an_instant_keep_the_time_of_day_in_ist()
    {
        var fridayAfternoon = IndiaTime.At(Friday, new TimeOnly(15, 0));

        var due = WorkingCalendar.WeekendsOnly.AddWorkingDays(fridayAfternoon, 1);

        Assert.Equal(IndiaTime.At(Monday, new TimeOnly(15, 0)), due);
        Assert.Equal(IndiaTime.Offset, due.Offset);
    }

    [Fact]
    public void Something_arriving_at_the_weekend_starts_the_clock_on_monday_morning()
    {
        var saturdayMorning = IndiaTime.At(Saturday, new TimeOnly(10, 0));

        Assert.Equal(IndiaTime.At(Monday.AddDays(1), TimeOnly.MinValue), WorkingCalendar.WeekendsOnly.AddWorkingDays(saturdayMorning, 1));
    }

    [Fact]
    public void Utc_instants_are_judged_by_their_ist_date()
    {
        // 2025-06-06 19:00 UTC is Saturday 00:30 IST: already the weekend in India.
        var lateFridayUtc = new DateTimeOffset(2025, 6, 6, 19, 0, 0, TimeSpan.Zero);

        Assert.Equal(IndiaTime.At(Monday.AddDays(1), TimeOnly.MinValue), WorkingCalendar.WeekendsOnly.AddWorkingDays(lateFridayUtc, 1));
    }

    [Fact]
    public void Today_in_india_can_be_a_day_ahead_of_utc()
    {
        var time = new FixedTime(new DateTimeOffset(2025, 6, 6, 20, 0, 0, TimeSpan.Zero));
        Assert.Equal(Saturday, IndiaTime.Today(time));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
