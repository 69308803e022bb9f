using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Storage.Queues.Models;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>The failure type the engine gives an activity call it refused to run again (see the worker's poison check).</summary>
    private const string PoisonFailureType = "Serverless.Durable.PoisonMessage";

    private readonly PollSignal activityWake;
    private readonly PollSignal activityDemand = new();
    private readonly ConcurrentQueue<ActivityDelivery> activityBuffer = new();
    private readonly SemaphoreSlim activityAvailable = new(0);
    /// <summary>How many receive loops serve the work-item queue.</summary>
    private const int ActivityReceivers = 2;

    private int activityWaiters;
    private int activitiesInFlight;
    private int activitiesRequested;
    private bool activityBacklog;

    /// <inheritdoc/>
    /// <remarks>Calls are received in batches of up to 32, but never more than callers are waiting for: no worker hoards calls others could run.</remarks>
    public async Task<ActivityWorkItem?> LockNextActivityWorkItemAsync(CancellationToken cancellationToken)
    {
        await this.EnsureWorkerStartedAsync(cancellationToken);
        Interlocked.Increment(ref this.activityWaiters);
        this.activityDemand.Set();
        try
        {
            if (!await this.activityAvailable.WaitAsync(this.options.MaxQueuePollingInterval * 5, cancellationToken) ||
                !this.activityBuffer.TryDequeue(out ActivityDelivery? delivery))
            {
                return null;
            }

            Interlocked.Increment(ref this.activitiesInFlight);
            return new ActivityWorkItem
            {
                Message = delivery.Message,
                LockToken = delivery.Receipt?.PopReceipt ?? delivery.Message.MessageId,
                LockedUntil = this.clock.GetUtcNow() + this.options.ActivityLockTimeout,
                BackendData = delivery,
            };
        }
        finally
        {
            Interlocked.Decrement(ref this.activityWaiters);
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// When this process owns the caller's partition the outcome is handed to the caller's session in memory, and the
    /// call is deleted only after the step that consumes the outcome commits: a crash before that brings the call back
    /// and it runs again (at least once). Otherwise the outcome goes to the caller's control queue, then the call is deleted.
    /// A call the engine refused as poison is also copied to the poison queue.
    /// </remarks>
    public async Task CompleteActivityWorkItemAsync(ActivityWorkItem workItem, TaskMessage result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        ArgumentNullException.ThrowIfNull(result);
        var delivery = (ActivityDelivery)workItem.BackendData!;
        try
        {
            if (result.Event is TaskFailedEvent { FailureDetails.ErrorType: PoisonFailureType })
            {
                Log.ActivityPoisoned(this.logger, delivery.Message.MessageId, delivery.Message.DequeueCount);
                TaskMessage call = delivery.Message;
                await this.SendPoisonAsync(new MessageEnvelope(call.MessageId, call.InstanceId, call.ExecutionId, call.Event, call.VisibleAt, null) { DequeueCount = call.DequeueCount }, cancellationToken);
            }

            int partition = this.layout.PartitionOf(result.InstanceId);
            if (this.partitions[partition].Owned && !this.stopping.IsCancellationRequested)
            {
                this.Deliver(new InboundMessage { Message = result with { DequeueCount = 1 }, LocalOrigin = delivery }, partition);
                return;
            }

            string text = await this.codec.EncodeAsync(result, cancellationToken);
            await this.SendToInstanceAsync(result.InstanceId, text, null, cancellationToken);
            await this.DeleteActivityAsync(delivery);
        }
        finally
        {
            Interlocked.Decrement(ref this.activitiesInFlight);
            this.Changed();
        }
    }

    /// <inheritdoc/>
    public async Task AbandonActivityWorkItemAsync(ActivityWorkItem workItem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workItem);
        var delivery = (ActivityDelivery)workItem.BackendData!;
        try
        {
            await this.ReleaseActivityAsync(delivery);
        }
        finally
        {
            Interlocked.Decrement(ref this.activitiesInFlight);
            this.Changed();
        }
    }

    /// <summary>Receives activity calls while callers wait for them, backing off when the queue is empty.</summary>
    /// <remarks>Receiver 0 always polls; the others only while the last receive came back full (calls are backed up), so an idle queue costs one poller.</remarks>
    private async Task ReceiveActivitiesAsync(int receiver, CancellationToken stoppingToken)
    {
        TimeSpan backoff = this.options.MinQueuePollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Calls another receiver is already asking for count as coming.
                int wanted = Math.Min(32, Volatile.Read(ref this.activityWaiters) - this.activityAvailable.CurrentCount - Volatile.Read(ref this.activitiesRequested));
                if (wanted <= 0 || (receiver > 0 && !Volatile.Read(ref this.activityBacklog)))
                {
                    await Pause(receiver, this.activityDemand, this.options.MaxQueuePollingInterval, stoppingToken);
                    continue;
                }

                QueueMessage[] received;
                long hiddenAt = Environment.TickCount64;
                Interlocked.Add(ref this.activitiesRequested, wanted);
                try
                {
                    received = (await this.storage.WorkItems.ReceiveMessagesAsync(wanted, this.options.ActivityLockTimeout, CancellationToken.None)).Value;
                }
                finally
                {
                    Interlocked.Add(ref this.activitiesRequested, -wanted);
                }

                Volatile.Write(ref this.activityBacklog, received.Length == wanted);

                if (received.Length == 0)
                {
                    await Pause(receiver, this.activityWake, backoff, stoppingToken);
                    backoff = backoff * 2 > this.options.MaxQueuePollingInterval ? this.options.MaxQueuePollingInterval : backoff * 2;
                    continue;
                }

                // A full batch suggests more are waiting; a partial one that the queue is drained (local sends wake the receiver anyway).
                backoff = received.Length == wanted ? this.options.MinQueuePollingInterval : backoff;
                Interlocked.Increment(ref this.busy);
                try
                {
                    await Task.WhenAll(received.Select(m => this.AcceptActivityAsync(m, hiddenAt)));
                }
                finally
                {
                    Interlocked.Decrement(ref this.busy);
                    Interlocked.Increment(ref this.version);
                }

                if (received.Length < wanted)
                {
                    await Pause(receiver, this.activityWake, backoff, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ReceiveFailed(this.logger, this.storage.WorkItems.Name, ex);
                await Task.Delay(this.options.MaxQueuePollingInterval, TimeProvider.System, CancellationToken.None);
            }
        }
    }

    /// <summary>Receiver 0 waits on the signal; the others take no signal from it (one set wakes one waiter) and look again soon.</summary>
    private static Task Pause(int receiver, PollSignal signal, TimeSpan timeout, CancellationToken stoppingToken) =>
        receiver == 0
            ? (Task)signal.WaitAsync(timeout, stoppingToken)
            : Task.Delay(timeout < TimeSpan.FromMilliseconds(20) ? timeout : TimeSpan.FromMilliseconds(20), TimeProvider.System, stoppingToken);

    private async Task AcceptActivityAsync(QueueMessage received, long hiddenAt)
    {
        var receipt = new QueueReceipt(this.storage.WorkItems, received.MessageId, received.PopReceipt);
        TaskMessage message;
        string? blob;
        try
        {
            (message, blob) = await this.codec.DecodeAsync(received.MessageText, CancellationToken.None);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException || ex is RequestFailedException { Status: 404 })
        {
            Log.UnreadableMessage(this.logger, received.MessageId, this.storage.WorkItems.Name, ex);
            await DeleteQuietlyAsync(receipt);
            return;
        }

        if (await this.DeferIfEarlyAsync(receipt, message))
        {
            return;
        }

        var delivery = new ActivityDelivery(message with { DequeueCount = (int)received.DequeueCount }, receipt, blob, received.MessageText, hiddenAt);
        this.heldActivities.TryAdd(delivery, 0);
        this.activityBuffer.Enqueue(delivery);
        this.activityAvailable.Release();
    }

    /// <summary>Deletes an activity call (and its payload blob); one whose lock was lost is left to its new holder.</summary>
    private async Task DeleteActivityAsync(ActivityDelivery delivery)
    {
        if (await this.EndHoldAsync(delivery) is { } receipt)
        {
            await DeleteQuietlyAsync(receipt);
        }

        if (delivery.PayloadBlob is { } blob)
        {
            await this.store.Payloads.DeleteAsync(blob, CancellationToken.None);
        }
    }

    private async Task ReleaseActivityAsync(ActivityDelivery delivery)
    {
        if (delivery.Local)
        {
            await this.HandBackLocalCallAsync(delivery);
            return;
        }

        try
        {
            QueueReceipt receipt = (await this.EndHoldAsync(delivery))!;
            await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, (string?)null, TimeSpan.Zero, CancellationToken.None);
            this.activityWake.Set();
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
        {
            Log.ReleaseFailed(this.logger, delivery.Message.MessageId, delivery.Message.InstanceId, ex);
        }
    }

    /// <summary>Hands back calls received for callers that stopped waiting.</summary>
    private async Task ReleaseBufferedActivitiesAsync()
    {
        var buffered = new List<ActivityDelivery>();
        while (this.activityAvailable.Wait(0) && this.activityBuffer.TryDequeue(out ActivityDelivery? delivery))
        {
            buffered.Add(delivery);
        }

        // Calls handed over in memory are dropped: whoever owns their partitions next runs them again from the in-flight rows.
        await Task.WhenAll(buffered.Where(d => !d.Local).Select(this.ReleaseActivityAsync));
    }
}
