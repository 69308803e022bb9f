using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Emigrate.Domain;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Outbound;

/// <summary>
/// The outbox table: every outbound SMS, insert-if-absent by idempotency key, readable newest first per recipient.
/// </summary>
/// <remarks>
/// Partition = recipient. Two rows per message, written in one entity-group transaction: a key row
/// (<c>k|</c> + SHA-256 of the idempotency key) that makes a second insert fail, and the message row
/// (<c>m|</c> + inverted ticks + the same hash) so a prefix range of the partition reads newest first.
/// Reading one recipient's messages and checking one key are both partition lookups.
/// </remarks>
public sealed partial class SmsOutbox(SmsTable table, TimeProvider time)
{
    private const string KeyPrefix = "k|";
    private const string MessagePrefix = "m|";

    /// <summary>Records the message for <paramref name="recipient"/> unless its key was recorded before.</summary>
    /// <returns><see langword="true"/> when this call recorded it.</returns>
    public Task<bool> TryRecordAsync(string recipient, string idempotencyKey, SmsMessage message, OutboundKind kind, string? caseId, string delivery, CancellationToken cancellationToken) =>
        TryRecordAsync(recipient, idempotencyKey, message, kind, caseId, delivery, SmsDeliveryStates.Recorded, cancellationToken);

    /// <summary>Records the message in delivery state <paramref name="state"/> unless its key was recorded before.</summary>
    /// <returns><see langword="true"/> when this call recorded it.</returns>
    public async Task<bool> TryRecordAsync(string recipient, string idempotencyKey, SmsMessage message, OutboundKind kind, string? caseId, string delivery, string state, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipient);
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        ArgumentNullException.ThrowIfNull(message);
        var client = await table.GetAsync(cancellationToken);
        var partition = SmsTable.Key(recipient);
        var hash = Hash(idempotencyKey);
        var now = time.GetUtcNow();
        var inverted = (DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var messageRow = MessagePrefix + inverted + "|" + hash;
        var key = new TableEntity(partition, KeyPrefix + hash) { ["IdempotencyKey"] = idempotencyKey, ["MessageRow"] = messageRow };
        var row = new TableEntity(partition, messageRow)
        {
            ["At"] = now,
            ["To"] = recipient,
            ["TemplateId"] = message.TemplateId,
            ["Language"] = WireNames.Of(message.Language),
            ["Text"] = message.Text,
            ["Kind"] = KindName(kind),
            ["CaseId"] = caseId,
            ["Segments"] = message.Segments.Segments,
            ["Delivery"] = delivery,
            ["DeliveryState"] = state,
        };

        try
        {
            await client.SubmitTransactionAsync([new(TableTransactionActionType.Add, key), new(TableTransactionActionType.Add, row)], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>The delivery state of the message recorded under the key (two point reads), or <see langword="null"/>.</summary>
    public async Task<string?> FindDeliveryStateAsync(string recipient, string idempotencyKey, CancellationToken cancellationToken)
    {
        var row = await FindMessageRowAsync(recipient, idempotencyKey, cancellationToken);
        return row is null ? null : row.GetString("DeliveryState") ?? SmsDeliveryStates.Recorded;
    }

    /// <summary>The message recorded under the key (two point reads), or <see langword="null"/>.</summary>
    public async Task<SmsMessage?> FindMessageAsync(string recipient, string idempotencyKey, CancellationToken cancellationToken)
    {
        var row = await FindMessageRowAsync(recipient, idempotencyKey, cancellationToken);
        return row is null
            ? null
            : new SmsMessage(
                row.GetString("TemplateId") ?? string.Empty,
                WireNames.TryParse(row.GetString("Language"), out Language language) ? language : Language.English,
                row.GetString("Text") ?? string.Empty);
    }

    /// <summary>Writes what the gateway made of the message recorded under the key.</summary>
    public async Task UpdateDeliveryAsync(string recipient, string idempotencyKey, SmsDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var row = await FindMessageRowAsync(recipient, idempotencyKey, cancellationToken)
            ?? throw new InvalidOperationException("The outbox row of the message is missing.");
        var client = await table.GetAsync(cancellationToken);
        var attempts = (row.GetInt32("Attempts") ?? 0) + delivery.Attempts;
        var update = new TableEntity(row.PartitionKey, row.RowKey)
        {
            ["DeliveryState"] = delivery.State,
            ["Attempts"] = attempts,
            ["DeliveryDetail"] = delivery.Detail ?? string.Empty,
        };
        if (delivery.GatewayMessageId is not null)
        {
            update["GatewayMessageId"] = delivery.GatewayMessageId;
        }

        await client.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Whether a message with the key was recorded for the recipient (one point read).</summary>
    public async Task<bool> ContainsAsync(string recipient, string idempotencyKey, CancellationToken cancellationToken) =>
        await table.FindAsync(SmsTable.Key(recipient), KeyPrefix + Hash(idempotencyKey), cancellationToken) is not null;

    /// <summary>The recipient's messages, newest first, at most <paramref name="top"/>.</summary>
    public async Task<IReadOnlyList<OutboxEntry>> ListAsync(string recipient, int top, CancellationToken cancellationToken)
    {
        await this.RecordsUnderWayAsync(recipient).WaitAsync(cancellationToken);
        var client = await table.GetAsync(cancellationToken);
        var partition = SmsTable.Key(recipient);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {MessagePrefix} and RowKey lt {"m}"}");
        var entries = new List<OutboxEntry>();
        await foreach (var row in client.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(top, 1000), cancellationToken: cancellationToken))
        {
            entries.Add(new OutboxEntry(
                row.GetDateTimeOffset("At") ?? default,
                row.GetString("To") ?? recipient,
                row.GetString("TemplateId") ?? string.Empty,
                row.GetString("Language") ?? string.Empty,
                row.GetString("Text") ?? string.Empty,
                row.GetString("Kind") ?? string.Empty,
                row.GetString("CaseId"),
                row.GetInt32("Segments") ?? 0,
                row.GetString("Delivery") ?? string.Empty)
            {
                DeliveryState = row.GetString("DeliveryState") ?? SmsDeliveryStates.Recorded,
                Attempts = row.GetInt32("Attempts") ?? 0,
                GatewayMessageId = row.GetString("GatewayMessageId"),
                DeliveryDetail = row.GetString("DeliveryDetail") is { Length: > 0 } detail ? detail : null,
            });
            if (entries.Count >= top)
            {
                break;
            }
        }

        return entries;
    }

    /// <summary>The wire name of a kind: <c>reply</c>, <c>clearanceResult</c>.</summary>
    public static string KindName(OutboundKind kind) => JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());

    private async Task<TableEntity?> FindMessageRowAsync(string recipient, string idempotencyKey, CancellationToken cancellationToken)
    {
        await this.RecordsUnderWayAsync(recipient).WaitAsync(cancellationToken);
        var partition = SmsTable.Key(recipient);
        var key = await table.FindAsync(partition, KeyPrefix + Hash(idempotencyKey), cancellationToken);
        return key?.GetString("MessageRow") is { } messageRow ? await table.FindAsync(partition, messageRow, cancellationToken) : null;
    }

    /// <summary>SHA-256 of an idempotency key, lower-case hex: also the gateway's reference for the message.</summary>
    public static string Hash(string idempotencyKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}
