using System.Globalization;
using Azure;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Clearance;
using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Time;
using Emigrate.Sms.Inbound;
using Emigrate.Sms.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Reminders;

/// <summary>What one pass of the reminder timer did.</summary>
/// <param name="Sent">Reminders sent now.</param>
/// <param name="Deferred">Reminders due in quiet hours, moved to the next 09:00 IST.</param>
/// <param name="Skipped">Reminders not sent: sent before, cancelled, held back by STOP, or their case is gone.</param>
/// <param name="Failed">Reminders whose sending failed; they stay for the next pass.</param>
public sealed record ReminderRun(int Sent, int Deferred, int Skipped, int Failed);

/// <summary>
/// Sends the due reminders of the index: reads each bucket from the cursor up to now, and for each due reminder
/// checks it is still scheduled, the hour (outside 09:00–21:00 IST it moves to the next allowed bucket), STOP
/// (applicant reminders only) and the outbox key (never twice), then sends it through the sender port.
/// </summary>
/// <remarks>
/// Escalations go to the case's PoE office. The reference data holds no phone or address for the offices, so they
/// are recorded in the outbox under the office id (<c>poe-mumbai</c>), delivery <see cref="OfficeDelivery"/>.
/// </remarks>
public sealed partial class ReminderDispatcher(
    SmsTable table,
    CaseLookup cases,
    ISmsSender sender,
    SmsOutbox outbox,
    OptOuts optOuts,
    IOptions<DeadlineOptions> deadlines,
    TimeProvider time,
    ILogger<ReminderDispatcher> logger)
{
    /// <summary>How escalations to offices leave while the reference data has no office phones.</summary>
    public const string OfficeDelivery = "outbox-only: no phone for the office in the reference data";

    private enum Outcome { Sent, Skipped }

    /// <summary>One pass over the due buckets.</summary>
    public async Task<ReminderRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var client = await table.GetAsync(cancellationToken);
        var cursor = await table.FindAsync(TableReminderSchedule.CursorPartition, TableReminderSchedule.CursorPartition, cancellationToken);
        if (cursor is null)
        {
            return new ReminderRun(0, 0, 0, 0);
        }

        int sent = 0, deferred = 0, skipped = 0, failed = 0;
        var current = ReminderBuckets.StartOf(now);
        DateTimeOffset? firstIncomplete = null;
        for (var bucket = ReminderBuckets.Parse(cursor.GetString("Bucket")!); bucket <= current; bucket += ReminderBuckets.Width)
        {
            var partition = ReminderBuckets.PartitionOf(bucket);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var row in client.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (row.GetDateTimeOffset("DueAt") > now)
                {
                    continue;
                }

                try
                {
                    switch (await HandleAsync(client, row, now, cancellationToken))
                    {
                        case null:
                            deferred++;
                            break;
                        case Outcome.Sent:
                            sent++;
                            break;
                        default:
                            skipped++;
                            break;
                    }
                }
                catch (Exception e) when (e is RequestFailedException or HttpRequestException)
                {
                    LogFailed(logger, e, row.GetString("CaseId") ?? "?", row.GetString("Reason") ?? "?");
                    failed++;
                    firstIncomplete ??= bucket;
                }
            }
        }

        await AdvanceCursorAsync(client, cursor, firstIncomplete ?? current, cancellationToken);
        var run = new ReminderRun(sent, deferred, skipped, failed);
        LogRun(logger, sent, deferred, skipped, failed);
        return run;
    }

    /// <returns>null when deferred to the sending window.</returns>
    private async Task<Outcome?> HandleAsync(TableClient client, TableEntity row, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseId = CaseId.TryParse(row.GetString("CaseId"), out var id) ? id : null;
        WireNames.TryParse(row.GetString("Reason"), out ReminderReason reason);
        var caseRowKey = row.RowKey[(row.RowKey.IndexOf('|', StringComparison.Ordinal) + 1)..];
        var state = caseId is null ? null : await table.FindAsync(TableReminderSchedule.CasePartition(caseId), caseRowKey, cancellationToken);
        if (caseId is null || state?.GetString("State") != TableReminderSchedule.StateScheduled)
        {
            await TableReminderSchedule.DeleteIfExistsAsync(client, row.PartitionKey, row.RowKey, cancellationToken);
            return Outcome.Skipped;
        }

        if (!QuietHours.IsAllowed(now))
        {
            // Leave it for the window: move the index row to the bucket of the next 09:00 IST.
            var bucket = ReminderBuckets.PartitionOf(QuietHours.NextAllowedSendTime(now));
            var moved = new TableEntity(row.ToDictionary(p => p.Key, p => p.Value)) { PartitionKey = bucket, RowKey = row.RowKey };
            await table.TryAddAsync(moved, cancellationToken);
            await client.UpdateEntityAsync(new TableEntity(state.PartitionKey, state.RowKey) { ["Bucket"] = bucket }, state.ETag, TableUpdateMode.Merge, cancellationToken);
            await TableReminderSchedule.DeleteIfExistsAsync(client, row.PartitionKey, row.RowKey, cancellationToken);
            return null;
        }

        var reminder = new Reminder(caseId, reason, row.GetString("Occurrence") ?? string.Empty);
        var (result, outcomeName) = await SendAsync(reminder, row, cancellationToken);
        await client.UpdateEntityAsync(
            new TableEntity(state.PartitionKey, state.RowKey) { ["State"] = outcomeName, ["ChangedAt"] = now },
            state.ETag,
            TableUpdateMode.Merge,
            cancellationToken);
        await TableReminderSchedule.DeleteIfExistsAsync(client, row.PartitionKey, row.RowKey, cancellationToken);
        LogHandled(logger, caseId.Value, WireNames.Of(reason), outcomeName);
        return result;
    }

    private async Task<(Outcome, string)> SendAsync(Reminder reminder, TableEntity row, CancellationToken cancellationToken)
    {
        var found = await cases.Current.GetAsync(reminder.CaseId, cancellationToken);
        if (found is null)
        {
            return (Outcome.Skipped, "case-not-found");
        }

        SmsMessage message;
        try
        {
            message = Render(reminder, found, row);
        }
        catch (ArgumentException)
        {
            return (Outcome.Skipped, "not-renderable");
        }

        if (reminder.Recipient == ReminderRecipient.PoeOffice)
        {
            var recorded = await outbox.TryRecordAsync(found.PoeOffice, reminder.DeduplicationKey, message, OutboundKind.Reminder, found.CaseId.Value, OfficeDelivery, cancellationToken);
            return recorded ? (Outcome.Sent, "sent") : (Outcome.Skipped, "sent-before");
        }

        if (await optOuts.IsOptedOutAsync(found.Mobile, cancellationToken))
        {
            return (Outcome.Skipped, "held-back-stop");
        }

        var sent = await sender.SendAsync(new OutboundSms(reminder.DeduplicationKey, found.Mobile, message, OutboundKind.Reminder, found.CaseId), cancellationToken);
        return sent ? (Outcome.Sent, "sent") : (Outcome.Skipped, "sent-before");
    }

    private SmsMessage Render(Reminder reminder, CaseSummary found, TableEntity row)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { [SmsVariables.CaseId] = found.CaseId.Value };
        var dueAt = row.GetDateTimeOffset("DueAt") ?? time.GetUtcNow();
        switch (reminder.Reason)
        {
            case ReminderReason.DocumentsPending:
                values[SmsVariables.Date] = SmsVariables.FormatDate(IndiaTime.DateOf(CaseDeadlines.DocumentsDue(found.RegisteredAt, deadlines.Value)));
                break;
            case ReminderReason.MedicalTomorrow:
                // The occurrence of a medical reminder is its appointment date; otherwise the day after it is due.
                values[SmsVariables.Date] = SmsVariables.FormatDate(
                    DateOnly.TryParseExact(reminder.Occurrence, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date
                        : IndiaTime.DateOf(dueAt.AddDays(1)));
                break;
            case ReminderReason.ClearanceOverdue:
                // The occurrence is the submission's ARN; it was scheduled when the case was submitted.
                values[SmsVariables.Arn] = reminder.Occurrence;
                values[SmsVariables.Date] = SmsVariables.FormatDate(IndiaTime.DateOf(row.GetDateTimeOffset("ScheduledAt") ?? dueAt));
                break;
        }

        return SmsTemplates.Get(reminder.TemplateKey, found.Language).Render(values);
    }

    private async Task AdvanceCursorAsync(TableClient client, TableEntity cursor, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var bucket = ReminderBuckets.PartitionOf(to);
        if (bucket == cursor.GetString("Bucket"))
        {
            return;
        }

        try
        {
            await client.UpdateEntityAsync(new TableEntity(cursor.PartitionKey, cursor.RowKey) { ["Bucket"] = bucket }, cursor.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A reminder was scheduled into an older bucket meanwhile and moved the cursor back: keep that.
        }
    }

    [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Reminder {Reason} of case {CaseId}: {Outcome}")]
    private static partial void LogHandled(ILogger logger, string caseId, string reason, string outcome);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Warning, Message = "Reminder {Reason} of case {CaseId} could not be sent; it is retried on the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception, string caseId, string reason);

    [LoggerMessage(EventId = 5123, Level = LogLevel.Information, Message = "Reminder run: {Sent} sent, {Deferred} deferred to the sending window, {Skipped} skipped, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int sent, int deferred, int skipped, int failed);
}
