using Emigrate.Sms.Reminders;

namespace Emigrate.Tests.Sms.Reminders;

public sealed class ReminderBucketsTests
{
    [Fact]
    public void A_bucket_is_the_quarter_hour_in_utc_that_holds_the_instant()
    {
        var instant = new DateTimeOffset(2026, 11, 23, 15, 44, 59, TimeSpan.FromHours(5.5));

        Assert.Equal("due-202611231000", ReminderBuckets.PartitionOf(instant));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), ReminderBuckets.Parse(ReminderBuckets.PartitionOf(instant)));
    }

    [Fact]
    public void Bucket_names_sort_in_time_order()
    {
        var early = ReminderBuckets.PartitionOf(new DateTimeOffset(2026, 11, 23, 9, 59, 0, TimeSpan.Zero));
        var late = ReminderBuckets.PartitionOf(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        Assert.True(string.CompareOrdinal(early, late) < 0);
    }
}
