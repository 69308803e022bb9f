using Azure;
using Emigrate.Domain;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms.Outbound;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Inbound;

/// <summary>
/// Answers an inbound SMS once per gateway message id: works out the reply, remembers it under the message id
/// (insert-if-absent), then applies STOP/START and records the reply in the outbox. A duplicate delivery gets
/// the stored reply and changes nothing.
/// </summary>
/// <remarks>
/// Inbound table: partition and row key = the message id (a row key shared by every row made Azurite's point reads
/// scans), one row, so the duplicate check is the insert itself, then a point read. A STOP or START row is marked
/// complete after the side effects; a delivery that finds it incomplete (the first one failed midway) finishes
/// them, which is safe as the opt-out write is the one stored with the row and the outbox insert is by key. Other
/// keywords have only the outbox insert, idempotent by key, so they are never marked and a duplicate repeats it.
/// </remarks>
public sealed class InboundSmsHandler(SmsTable inbound, InboundReplies replies, OptOuts optOuts, SmsOutbox outbox, TimeProvider time)
{
    /// <summary>Handles one delivery.</summary>
    /// <exception cref="InboundMessageIdConflictException">The id was first delivered from another mobile.</exception>
    public async Task<InboundOutcome> HandleAsync(InboundSms sms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var partition = SmsTable.Key(sms.MessageId);

        // No read before the insert: a duplicate delivery is rare, and the insert that fails finds it just as well.
        // A duplicate then works out a reply it does not use, which reads but changes nothing.
        var command = SmsCommandParser.Parse(sms.Body);
        var reply = await replies.ReplyToAsync(sms, command, cancellationToken);
        var row = new TableEntity(partition, partition)
        {
            ["From"] = sms.From.Value,
            ["ReceivedAt"] = time.GetUtcNow(),
            ["Effect"] = command switch { StopCommand => "stop", StartCommand => "start", _ => "none" },
            ["CaseId"] = (command as StatusCommand)?.CaseId?.Value,
            ["ReplyTemplateId"] = reply.TemplateId,
            ["ReplyLanguage"] = WireNames.Of(reply.Language),
            ["ReplyText"] = reply.Text,
            ["Completed"] = false,
        };

        var (added, etag) = await TryInsertAsync(row, cancellationToken);
        if (!added)
        {
            // A concurrent delivery of the same id won the insert: answer as it does.
            var seen = await inbound.FindAsync(partition, partition, cancellationToken) ?? throw new InvalidOperationException("The inbound row vanished.");
            return new InboundOutcome(await CompleteAsync(sms, seen, cancellationToken), Duplicate: true);
        }

        // The insert's own ETag lets the completion go ahead without reading the row back (one request less per SMS).
        TableEntity stored;
        if (etag is { } inserted)
        {
            row.ETag = inserted;
            stored = row;
        }
        else
        {
            stored = await inbound.FindAsync(partition, partition, cancellationToken) ?? throw new InvalidOperationException("The inbound row vanished.");
        }

        return new InboundOutcome(await CompleteAsync(sms, stored, cancellationToken), Duplicate: false);
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

    private async Task<SmsMessage> CompleteAsync(InboundSms sms, TableEntity row, CancellationToken cancellationToken)
    {
        if (row.GetString("From") != sms.From.Value)
        {
            throw new InboundMessageIdConflictException(sms.MessageId);
        }

        var reply = new SmsMessage(
            row.GetString("ReplyTemplateId") ?? string.Empty,
            row.GetString("ReplyLanguage") == WireNames.Of(Language.Hindi) ? Language.Hindi : Language.English,
            row.GetString("ReplyText") ?? string.Empty);
        if (row.GetBoolean("Completed") == true)
        {
            return reply;
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

        await outbox.TryRecordAsync(sms.From.Value, "inbound|" + sms.MessageId, reply, OutboundKind.Reply, row.GetString("CaseId"), OutboxSmsSender.Delivery, cancellationToken);
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
