using Azure;
using Emigrate.Domain;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms.Outbound;
using Microsoft.Extensions.Logging;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Inbound;

/// <summary>
/// Answers an inbound SMS once per gateway message id: claims the id (insert-if-absent) while it works out the reply,
/// then applies STOP/START and records the reply in the outbox under the message id. A duplicate delivery answers
/// with the reply recorded for the id and changes nothing.
/// </summary>
/// <remarks>
/// Inbound table: partition and row key = the message id (a row key shared by every row made Azurite's point reads
/// scans), one row: the sender, the keyword's effect and whether its side effects are done. The claim and the read
/// of the reply go at once. A STATUS or HELP then answers at once and records its reply behind the answer
/// (<see cref="SmsOutbox.RecordBehind"/>): one storage round trip, as the durable claim is what makes a redelivery a
/// duplicate. A STOP or START applies the opt-out, records the reply and marks the row complete before it answers; a
/// delivery that finds it incomplete (the first one failed midway) finishes them, which is safe as the opt-out write
/// is the one stored with the row and the outbox insert is by key. The outbox holds the reply the first recording
/// delivery worked out: a duplicate answers with it, or records its own when the first delivery died before
/// recording one.
/// </remarks>
public sealed partial class InboundSmsHandler(SmsTable inbound, InboundReplies replies, OptOuts optOuts, SmsOutbox outbox, TimeProvider time, ILogger<InboundSmsHandler> logger)
{
    /// <summary>Handles one delivery.</summary>
    /// <exception cref="InboundMessageIdConflictException">The id was first delivered from another mobile.</exception>
    public async Task<InboundOutcome> HandleAsync(InboundSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var partition = SmsTable.Key(sms.MessageId);
        var command = SmsCommandParser.Parse(sms.Body);
        var claim = new TableEntity(partition, partition)
        {
            ["From"] = sms.From.Value,
            ["ReceivedAt"] = time.GetUtcNow(),
            ["Effect"] = command switch { StopCommand => "stop", StartCommand => "start", _ => "none" },
            ["CaseId"] = (command as StatusCommand)?.CaseId?.Value,
            ["Completed"] = false,
        };

        // A duplicate delivery is rare: it works out a reply it does not use, which reads but changes nothing.
        Task<(bool Added, ETag? ETag)> claiming = TryInsertAsync(claim, cancellationToken);
        Task<SmsMessage> replying = replies.ReplyToAsync(sms, command, cancellationToken);
        await Task.WhenAll(claiming, replying).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var (added, etag) = await claiming;
        TableEntity stored;
        if (added && etag is { } inserted)
        {
            // The insert's own ETag lets the completion go ahead without reading the row back.
            claim.ETag = inserted;
            stored = claim;
        }
        else
        {
            stored = await inbound.FindAsync(partition, partition, cancellationToken) ?? throw new InvalidOperationException("The inbound row vanished.");
            if (stored.GetString("From") != sms.From.Value)
            {
                throw new InboundMessageIdConflictException(sms.MessageId);
            }
        }

        SmsMessage reply = await replying;
        if (added && stored.GetString("Effect") == "none")
        {
            // The claim is durable and recording the reply is the only side effect: answer now, record behind.
            outbox.RecordBehind(sms.From.Value, ReplyKey(sms), reply, OutboundKind.Reply, stored.GetString("CaseId"), OutboxSmsSender.Delivery, e => LogReplyNotRecorded(logger, e, sms.From.Masked));
            return new InboundOutcome(reply, Duplicate: false);
        }

        return new InboundOutcome(await CompleteAsync(sms, stored, reply, cancellationToken), Duplicate: !added);
    }

    private async Task<(bool Added, ETag? ETag)> TryInsertAsync(TableEntity row, CancellationToken cancellationToken)
    {
        var table = await inbound.GetAsync(cancellationToken);
        try
        {
            var response = await table.AddEntityAsync(row, cancellationToken);
            return (true, response.Headers.ETag);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, null);
        }
    }

    private static string ReplyKey(InboundSms sms) => "inbound|" + sms.MessageId;

    private async Task<SmsMessage> CompleteAsync(InboundSms sms, TableEntity row, SmsMessage reply, CancellationToken cancellationToken)
    {
        string key = ReplyKey(sms);
        bool completed = row.GetBoolean("Completed") == true;
        if (completed || row.GetString("Effect") == "none")
        {
            // Answered before: the recorded reply, every time (one recorded behind its answer too, as the outbox's
            // read waits for this process's records under way).
            if (await outbox.FindMessageAsync(sms.From.Value, key, cancellationToken) is { } recorded)
            {
                return recorded;
            }

            if (completed)
            {
                return reply;
            }
        }

        switch (row.GetString("Effect"))
        {
            case "stop":
                await optOuts.SetAsync(sms.From, optedOut: true, cancellationToken);
                break;
            case "start":
                await optOuts.SetAsync(sms.From, optedOut: false, cancellationToken);
                break;
        }

        if (!await outbox.TryRecordAsync(sms.From.Value, key, reply, OutboundKind.Reply, row.GetString("CaseId"), OutboxSmsSender.Delivery, cancellationToken))
        {
            // Recorded by an earlier delivery of the id: that is the answer, every time.
            reply = await outbox.FindMessageAsync(sms.From.Value, key, cancellationToken) ?? reply;
        }

        if (row.GetString("Effect") == "none")
        {
            // The outbox insert (by key) is the only side effect and repeating it changes nothing, so the mark is not
            // needed: a STATUS or HELP costs one request less. STOP/START are marked, as a late replay of an
            // opt-out would undo a newer one.
            return reply;
        }

        var client = await inbound.GetAsync(cancellationToken);
        try
        {
            await client.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { ["Completed"] = true }, row.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            // A concurrent delivery completed it first; the side effects above were idempotent.
        }

        return reply;
    }

    [LoggerMessage(EventId = 5115, Level = LogLevel.Warning, Message = "The reply to an SMS from {Mobile} was answered but could not be recorded in the outbox")]
    private static partial void LogReplyNotRecorded(ILogger logger, Exception exception, string mobile);
}
