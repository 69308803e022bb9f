using Azure;
using Emigrate.Domain;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms.Outbound;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Reminders;

/// <summary>
/// The reminders index in Table storage. Per reminder two rows: the case row (partition <c>case-{id}</c>, row
/// <c>{reason}|{occurrence}</c>; the reminder's state: scheduled, sent, held back, cancelled) and an index row in
/// the bucket of its due time (<see cref="ReminderBuckets"/>). A cursor row remembers the oldest bucket the timer
/// must still read. Scheduling, cancelling and the timer's reads are partition lookups.
/// </summary>
public sealed class TableReminderSchedule(SmsTable table, TimeProvider time) : IReminderSchedule
{
    internal const string CursorPartition = "cursor";
    internal const string StateScheduled = "scheduled";
    internal const string StateCancelled = "cancelled";

    /// <inheritdoc />
    /// <remarks>
    /// A reminder due in the past goes into the current bucket, which the timer always reads. Idempotent: when the
    /// case row exists (a retried activity), only a missing index row of a still-scheduled reminder is restored.
    /// </remarks>
    public async Task ScheduleAsync(Reminder reminder, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var now = time.GetUtcNow();
        var bucket = ReminderBuckets.PartitionOf(dueAt > now ? dueAt : now);
        var caseRow = new TableEntity(CasePartition(reminder.CaseId), CaseRowKey(reminder.Reason, reminder.Occurrence))
        {
            ["Bucket"] = bucket,
            ["DueAt"] = dueAt,
            ["ScheduledAt"] = now,
            ["State"] = StateScheduled,
        };

        if (!await table.TryAddAsync(caseRow, cancellationToken))
        {
            var existing = await table.FindAsync(caseRow.PartitionKey, caseRow.RowKey, cancellationToken);
            if (existing?.GetString("State") != StateScheduled)
            {
                return;
            }

            caseRow = existing;
            bucket = existing.GetString("Bucket")!;
        }

        await LowerCursorAsync(bucket, cancellationToken);
        await table.TryAddAsync(IndexRow(bucket, reminder, caseRow.GetDateTimeOffset("DueAt") ?? dueAt, caseRow.GetDateTimeOffset("ScheduledAt") ?? now), cancellationToken);
    }

    /// <inheritdoc />
    public async Task CancelAsync(CaseId caseId, ReminderReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var client = await table.GetAsync(cancellationToken);
        var prefix = WireNames.Of(reason) + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {CasePartition(caseId)} and RowKey ge {prefix} and RowKey lt {WireNames.Of(reason) + "}"}");
        await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("State") != StateScheduled)
            {
                continue;
            }

            // The case row is what the timer checks before sending; the index row is then only tidied away.
            await client.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["State"] = StateCancelled, ["ChangedAt"] = time.GetUtcNow() }, row.ETag, TableUpdateMode.Merge, cancellationToken);
            await DeleteIfExistsAsync(client, row.GetString("Bucket")!, IndexRowKey(caseId, row.RowKey), cancellationToken);
        }
    }

    internal static string CasePartition(CaseId caseId) => "case-" + caseId.Value;

    internal static string CaseRowKey(ReminderReason reason, string occurrence) => WireNames.Of(reason) + "|" + SmsTable.Key(occurrence);

    internal static string IndexRowKey(CaseId caseId, string caseRowKey) => caseId.Value + "|" + caseRowKey;

    internal static TableEntity IndexRow(string bucket, Reminder reminder, DateTimeOffset dueAt, DateTimeOffset scheduledAt) =>
        new(bucket, IndexRowKey(reminder.CaseId, CaseRowKey(reminder.Reason, reminder.Occurrence)))
        {
            ["CaseId"] = reminder.CaseId.Value,
            ["Reason"] = WireNames.Of(reminder.Reason),
            ["Occurrence"] = reminder.Occurrence,
            ["DueAt"] = dueAt,
            ["ScheduledAt"] = scheduledAt,
        };

    internal static async Task DeleteIfExistsAsync(TableClient client, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(partition, row, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone.
        }
    }

    /// <summary>Moves the cursor back to <paramref name="bucket"/> when it is ahead of it (or creates it), so the timer reads that bucket.</summary>
    private async Task LowerCursorAsync(string bucket, CancellationToken cancellationToken)
    {
        var client = await table.GetAsync(cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var cursor = await table.FindAsync(CursorPartition, CursorPartition, cancellationToken);
            if (cursor is null)
            {
                if (await table.TryAddAsync(new TableEntity(CursorPartition, CursorPartition) { ["Bucket"] = bucket }, cancellationToken))
                {
                    return;
                }

                continue;
            }

            if (string.CompareOrdinal(cursor.GetString("Bucket"), bucket) <= 0)
            {
                return;
            }

            try
            {
                await client.UpdateEntityAsync(new TableEntity(CursorPartition, CursorPartition) { ["Bucket"] = bucket }, cursor.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // The timer moved it meanwhile: read again.
            }
        }

        throw new InvalidOperationException("Could not move the reminders cursor back after 5 attempts.");
    }
}
