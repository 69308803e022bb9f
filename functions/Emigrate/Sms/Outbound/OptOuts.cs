using Emigrate.Domain.Identifiers;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Outbound;

/// <summary>Mobiles that sent STOP: one row per mobile (partition and row key = mobile), so every check is a point read.</summary>
/// <remarks>
/// The row key is the mobile rather than a constant: Azurite finds a point read's row key first, so a row key shared
/// by every row made each check a scan of the table.
/// </remarks>
public sealed class OptOuts(SmsTable table, TimeProvider time)
{

    /// <summary>Whether the mobile has opted out of reminders.</summary>
    public async Task<bool> IsOptedOutAsync(MobileNumber mobile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        var row = await table.FindAsync(mobile.Value, mobile.Value, cancellationToken);
        return row?.GetBoolean("OptedOut") == true;
    }

    /// <summary>Records STOP (<paramref name="optedOut"/> true) or START (false); the last one wins.</summary>
    public async Task SetAsync(MobileNumber mobile, bool optedOut, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        var client = await table.GetAsync(cancellationToken);
        await client.UpsertEntityAsync(
            new TableEntity(mobile.Value, mobile.Value) { ["OptedOut"] = optedOut, ["ChangedAt"] = time.GetUtcNow() },
            TableUpdateMode.Replace,
            cancellationToken);
    }
}
