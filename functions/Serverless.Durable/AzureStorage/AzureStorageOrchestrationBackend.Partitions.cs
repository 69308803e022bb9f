using Azure;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>Renews, acquires and rebalances partition leases until the worker stops.</summary>
    /// <remarks>
    /// Workers heartbeat in a registry (rows of the index table); each aims at its fair share, <c>ceil(partitions / live
    /// workers)</c>: it acquires free partitions up to it and gives back partitions over it, so a second worker gets half.
    /// A worker that dies without releasing leaves its leases to expire; the others then acquire them.
    /// </remarks>
    private async Task ManageLeasesAsync(CancellationToken stoppingToken)
    {
        TimeSpan period = this.options.LeaseDuration / 3 < this.options.LeaseCheckInterval ? this.options.LeaseDuration / 3 : this.options.LeaseCheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, TimeProvider.System, stoppingToken);
                await this.ManageLeasesOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.LeaseCycleFailed(this.logger, this.HubName, ex);
            }
        }
    }

    /// <summary>One round of lease management: renew, heartbeat, then acquire or release towards the fair share.</summary>
    internal async Task ManageLeasesOnceAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(this.partitions.Where(p => p.Owned).Select(p => this.RenewAsync(p, cancellationToken)));
        int live = await this.HeartbeatAsync(cancellationToken);
        int target = (this.partitions.Length + live - 1) / live;
        int owned = this.partitions.Count(p => p.Owned);
        foreach (ControlPartition partition in this.partitions.Where(p => p.Owned).Reverse().Take(Math.Max(0, owned - target)).ToList())
        {
            await this.ReleasePartitionAsync(partition, lost: false, cancellationToken);
            owned--;
        }

        // Start from a place of our own so that workers starting together do not all fight over partition 0.
        int start = Math.Abs(StringComparer.Ordinal.GetHashCode(this.WorkerId) % this.partitions.Length);
        for (int i = 0; i < this.partitions.Length && owned < target; i++)
        {
            ControlPartition partition = this.partitions[(start + i) % this.partitions.Length];
            if (!partition.Owned && await this.TryAcquireAsync(partition, cancellationToken))
            {
                owned++;
            }
        }
    }

    private async Task<bool> TryAcquireAsync(ControlPartition partition, CancellationToken cancellationToken)
    {
        try
        {
            await partition.Lease.AcquireAsync(this.options.LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }

        var ownership = new CancellationTokenSource();
        partition.Ownership?.Dispose();
        partition.Ownership = ownership;
        partition.Poller = Task.Run(() => this.PollControlQueueAsync(partition, ownership.Token), CancellationToken.None);
        if (this.options.RunActivitiesInPartitionOwner)
        {
            // Counted as busy from here, so idle detection cannot slip in before the recovery starts.
            Interlocked.Increment(ref this.busy);
            _ = Task.Run(() => this.RecoverInFlightCallsAsync(partition, ownership.Token), CancellationToken.None);
        }

        Log.PartitionAcquired(this.logger, this.WorkerId, partition.Index, this.HubName);
        return true;
    }

    private async Task RenewAsync(ControlPartition partition, CancellationToken cancellationToken)
    {
        try
        {
            await partition.Lease.RenewAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            Log.PartitionLost(this.logger, this.WorkerId, partition.Index, this.HubName, ex);
            await this.ReleasePartitionAsync(partition, lost: true, cancellationToken);
        }
    }

    /// <summary>Stops receiving from a partition, lets its running steps finish, hands its held messages back and (unless lost) releases the lease.</summary>
    private async Task ReleasePartitionAsync(ControlPartition partition, bool lost, CancellationToken cancellationToken)
    {
        if (partition.Ownership is not { } ownership || ownership.IsCancellationRequested)
        {
            return;
        }

        await ownership.CancelAsync();
        partition.Wake.Set();
        this.FlushPendingWrites(partition.Index);
        if (partition.Poller is { } poller)
        {
            await poller.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Running steps commit under the ETag guard either way; waiting for them just avoids needless lock-lost retries.
        for (int i = 0; i < 200 && partition.InFlight > 0 && !lost && !this.stopping.IsCancellationRequested; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, CancellationToken.None);
        }

        await this.DropPartitionAsync(partition.Index);
        if (!lost)
        {
            try
            {
                await partition.Lease.ReleaseAsync(cancellationToken: cancellationToken);
                Log.PartitionReleased(this.logger, this.WorkerId, partition.Index, this.HubName);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                Log.PartitionLost(this.logger, this.WorkerId, partition.Index, this.HubName, ex);
            }
        }
    }

    /// <summary>Writes this worker's heartbeat and counts the live workers (itself included).</summary>
    private async Task<int> HeartbeatAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = TimeProvider.System.GetUtcNow();
        var row = new TableEntity(TaskHubLayout.WorkersPartition, this.WorkerId) { ["HeartbeatAt"] = now, ["Owned"] = this.partitions.Count(p => p.Owned) };
        await this.storage.Index.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        TimeSpan expiry = this.options.LeaseDuration + this.options.LeaseCheckInterval;
        int live = 0;
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {TaskHubLayout.WorkersPartition}");
        await foreach (TableEntity worker in this.storage.Index.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (worker.RowKey == this.WorkerId || worker.GetDateTimeOffset("HeartbeatAt") > now - expiry)
            {
                live++;
            }
        }

        return Math.Max(live, 1);
    }

    private async Task UnregisterWorkerAsync()
    {
        if (!this.workerStarted)
        {
            return;
        }

        try
        {
            await this.storage.Index.DeleteEntityAsync(TaskHubLayout.WorkersPartition, this.WorkerId, cancellationToken: CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // The row expires by its heartbeat.
            Log.LeaseCycleFailed(this.logger, this.HubName, ex);
        }
    }
}
