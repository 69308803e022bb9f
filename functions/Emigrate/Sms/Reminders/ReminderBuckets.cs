using System.Globalization;

namespace Emigrate.Sms.Reminders;

/// <summary>
/// The partitions of the reminders index: one per quarter hour of due time (UTC), so the timer reads what is due
/// with one partition lookup per quarter hour since its last run, never a scan.
/// </summary>
public static class ReminderBuckets
{
    /// <summary>The width of a bucket, the timer's period.</summary>
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(15);

    private const string Prefix = "due-";
    private const string Format = "yyyyMMddHHmm";

    /// <summary>The start of the bucket holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOf(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % Width.Ticks), TimeSpan.Zero);
    }

    /// <summary>The partition key of the bucket holding <paramref name="instant"/>: <c>due-202611220915</c>.</summary>
    public static string PartitionOf(DateTimeOffset instant) => Prefix + StartOf(instant).ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The start of the bucket a partition key names.</summary>
    public static DateTimeOffset Parse(string partition) =>
        DateTimeOffset.ParseExact(partition[Prefix.Length..], Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
