using Azure;
using Emigrate.Domain;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms.Outbound;
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
/// of the reply go at once, so a STATUS costs two sequential requests (claim and mobile row; outbox). A
/// STOP or START row is marked complete after the side effects; a delivery that finds it incomplete (the first one
/// failed midway) finishes them, which is safe as the opt-out write is the one stored with the row and the outbox
/// insert is by key. The outbox holds the reply the first recording delivery worked out: a duplicate answers with
/// it, or records its own when the first delivery died before recording one.
/// </remarks>
public sealed class InboundSmsHandler(SmsTable inbound, InboundReplies replies, OptOuts optOuts, SmsOutbox outbox, TimeProvider time)
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

        return new InboundOutcome(await CompleteAsync(sms, stored, await replying, cancellationToken), Duplicate: !added);
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

    private async Task<SmsMessage> CompleteAsync(InboundSms sms, TableEntity row, SmsMessage reply, CancellationToken cancellationToken)
    {
        string key = "inbound|" + sms.MessageId;
        if (row.GetBoolean("Completed") == true)
        {
            return await outbox.FindMessageAsync(sms.From.Value, key, cancellationToken) ?? reply;
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
}
