using Azure;
using Microsoft.Extensions.Options;
using Serverless.Functions.Storage;
using Serverless.Storage.Tables;

namespace Serverless.Functions.Timers;

/// <summary>Schedule status in table storage; an occurrence is claimed by an insert or an ETag-guarded update of the timer's row.</summary>
/// <remarks>
/// Every host computes the same occurrence times from the schedule. The first to write <c>Last = occurrence</c> wins;
/// the others see a conflict (409 on insert, 412 on update) or a row already at that occurrence, and skip it.
/// </remarks>
internal sealed class TableScheduleMonitor : IScheduleMonitor
{
    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private readonly TableCreation _created;

    public TableScheduleMonitor(TableServiceClient tables, IOptions<TimerOptions> options, TimeProvider time)
    {
        _table = tables.GetTableClient(options.Value.TableName);
        _time = time;
        _created = new TableCreation(_table);
    }

    public async Task<ScheduleStatus?> GetStatusAsync(string timerName, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var row = await _table.GetEntityIfExistsAsync<ScheduleStatusEntity>(ScheduleStatusEntity.Partition, timerName, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToStatus() : null;
    }

    public async Task<bool> TryClaimAsync(string timerName, DateTimeOffset occurrence, DateTimeOffset next, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync(cancellationToken);
        var existing = await _table.GetEntityIfExistsAsync<ScheduleStatusEntity>(ScheduleStatusEntity.Partition, timerName, cancellationToken: cancellationToken);
        if (existing.HasValue && existing.Value!.Last >= occurrence)
        {
            return false;
        }

        var row = new ScheduleStatusEntity { RowKey = timerName, Last = occurrence, Next = next, LastUpdated = _time.GetUtcNow() };
        try
        {
            if (existing.HasValue)
            {
                await _table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            else
            {
                await _table.AddEntityAsync(row, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }
}
