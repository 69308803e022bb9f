using System.Collections.Concurrent;
using Azure;
using Serverless.Storage.Queues.Models;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    // Every activity call this process holds: buffered for a dispatcher, running, or waiting for the step that consumes its outcome.
    private readonly ConcurrentDictionary<ActivityDelivery, byte> heldActivities = new(ReferenceEqualityComparer.Instance);
    private Task? renewalLoop;

    /// <summary>
    /// Keeps held activity calls invisible for as long as they are held: a long activity, or an outcome waiting for a
    /// busy instance's next step, must not let the call reappear and run again elsewhere while nothing failed.
    /// </summary>
    /// <remarks>A call is renewed once a third of <see cref="AzureStorageOrchestrationOptions.ActivityLockTimeout"/> has passed since it was last hidden.</remarks>
    private async Task RenewActivitiesAsync(CancellationToken stoppingToken)
    {
        TimeSpan lockTimeout = this.options.ActivityLockTimeout;
        TimeSpan period = TimeSpan.FromTicks(Math.Clamp((lockTimeout / 6).Ticks, TimeSpan.FromMilliseconds(200).Ticks, TimeSpan.FromSeconds(30).Ticks));
        long due = (long)(lockTimeout / 3).TotalMilliseconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, TimeProvider.System, stoppingToken);
                // Renewals are not awaited here: one slow answer must not hold up the others' renewals.
                long now = Environment.TickCount64;
                foreach (ActivityDelivery delivery in this.heldActivities.Keys)
                {
                    lock (delivery.Sync)
                    {
                        if (!delivery.Ended && delivery.Renewal is not { IsCompleted: false } && now - delivery.RenewedAt >= due)
                        {
                            delivery.Renewal = this.RenewAsync(delivery, lockTimeout);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task RenewAsync(ActivityDelivery delivery, TimeSpan lockTimeout)
    {
        QueueReceipt receipt = delivery.Receipt!;
        long started = Environment.TickCount64;
        try
        {
            Response<UpdateReceipt> updated = await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, (string?)null, lockTimeout, CancellationToken.None);
            delivery.Receipt = receipt with { PopReceipt = updated.Value.PopReceipt };
            delivery.RenewedAt = started;
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 404)
        {
            // Its invisibility ran out before the renewal (someone else may run it now): stop renewing it.
            Log.ActivityLockLost(this.logger, delivery.Message.MessageId, delivery.Message.InstanceId, ex);
            this.heldActivities.TryRemove(delivery, out _);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            // Try again next round.
            Log.ReleaseFailed(this.logger, delivery.Message.MessageId, delivery.Message.InstanceId, ex);
        }
    }

    /// <summary>Ends a call's hold before it is deleted or handed back: no renewal starts after this, and one under way is waited for.</summary>
    /// <returns>The latest receipt; <see langword="null"/> for a call handed over in memory.</returns>
    private async Task<QueueReceipt?> EndHoldAsync(ActivityDelivery delivery)
    {
        Task? renewal;
        lock (delivery.Sync)
        {
            delivery.Ended = true;
            renewal = delivery.Renewal;
        }

        this.heldActivities.TryRemove(delivery, out _);
        if (renewal is not null)
        {
            await renewal.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return delivery.Receipt;
    }
}
