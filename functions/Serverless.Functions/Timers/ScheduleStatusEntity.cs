using Azure;
using Serverless.Storage.Tables;

namespace Serverless.Functions.Timers;

/// <summary>A timer's schedule status row; its ETag is what lets exactly one host claim an occurrence.</summary>
internal sealed class ScheduleStatusEntity : ITableEntity
{
    public const string Partition = "timer";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset Last { get; set; }

    public DateTimeOffset Next { get; set; }

    public DateTimeOffset LastUpdated { get; set; }

    public ScheduleStatus ToStatus() => new() { Last = Last, Next = Next, LastUpdated = LastUpdated };
}
