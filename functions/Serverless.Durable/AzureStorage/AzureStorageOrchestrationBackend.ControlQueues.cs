using System.Text.Json;
using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Storage.Queues;
using Serverless.Storage.Queues.Models;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>Receives an owned partition's control queue in batches of 32 and hands the messages to their instances' sessions.</summary>
    /// <remarks>
    /// Draining the queue into memory keeps it shallow (the emulator's receive slows down with depth); the held messages
    /// stay invisible (locked) until their step commits. Empty polls back off from the minimum to the maximum interval;
    /// a send from this process resets the back-off through <see cref="ControlPartition.Wake"/>.
    /// </remarks>
    private async Task PollControlQueueAsync(ControlPartition partition, CancellationToken ownership)
    {
        TimeSpan backoff = this.options.MinQueuePollingInterval;
        while (!ownership.IsCancellationRequested)
        {
            try
            {
                if (Volatile.Read(ref this.pendingMessages) >= this.options.MaxPendingMessages)
                {
                    await partition.Wake.WaitAsync(this.options.MaxQueuePollingInterval, ownership);
                    continue;
                }

                // Not cancelled by ownership: a batch that was received is always handed on, never left locked.
                QueueMessage[] received = (await partition.Queue.ReceiveMessagesAsync(32, this.options.OrchestrationLockTimeout, CancellationToken.None)).Value;
                if (received.Length == 0)
                {
                    // An instance that just went to wait for an event (or a timer, or another instance) is likely to get it
                    // soon: poll briskly for a while rather than let the back-off add up to a second to its latency.
                    await partition.Wake.WaitAsync(PollWait(partition, backoff), ownership);
                    backoff = backoff * 2 > this.options.MaxQueuePollingInterval ? this.options.MaxQueuePollingInterval : backoff * 2;
                    continue;
                }

                // A full batch suggests more are waiting; a partial one that the queue is drained (local sends wake the poller anyway).
                backoff = received.Length == 32 ? this.options.MinQueuePollingInterval : backoff;
                Interlocked.Increment(ref this.busy);
                try
                {
                    await Task.WhenAll(received.Select(m => this.AcceptControlMessageAsync(partition, m)));
                }
                finally
                {
                    Interlocked.Decrement(ref this.busy);
                    Interlocked.Increment(ref this.version);
                }

                if (received.Length < 32)
                {
                    await partition.Wake.WaitAsync(PollWait(partition, backoff), ownership);
                }
            }
            catch (OperationCanceledException) when (ownership.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Log.ReceiveFailed(this.logger, partition.Queue.Name, ex);
                await Task.Delay(this.options.MaxQueuePollingInterval, TimeProvider.System, CancellationToken.None);
            }
        }
    }

    /// <summary>How long a partition is polled briskly after one of its instances went to wait on something other than an activity.</summary>
    private static readonly TimeSpan HotWindow = TimeSpan.FromSeconds(2);

    /// <summary>How long the poller waits before its next receive: its back-off, capped at the brisk interval while the partition is hot.</summary>
    private TimeSpan PollWait(ControlPartition partition, TimeSpan backoff) =>
        Environment.TickCount64 < Volatile.Read(ref partition.HotUntilTicks) && backoff > this.options.HotQueuePollingInterval ? this.options.HotQueuePollingInterval : backoff;

    private async Task AcceptControlMessageAsync(ControlPartition partition, QueueMessage received)
    {
        var receipt = new QueueReceipt(partition.Queue, received.MessageId, received.PopReceipt);
        TaskMessage message;
        string? blob;
        try
        {
            (message, blob) = await this.codec.DecodeAsync(received.MessageText, CancellationToken.None);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or NotSupportedException || ex is RequestFailedException { Status: 404 })
        {
            // A payload blob that is gone belongs to a duplicate whose original was consumed.
            Log.UnreadableMessage(this.logger, received.MessageId, partition.Queue.Name, ex);
            await DeleteQuietlyAsync(receipt);
            return;
        }

        // Received, its send receipt is spent (an early one is hidden again under a new one): it is no longer a waiting timer to delete.
        this.pendingTimers.Forget(message.InstanceId, received.MessageId);
        if (await this.DeferIfEarlyAsync(receipt, message))
        {
            return;
        }

        this.Deliver(new InboundMessage { Message = message with { DequeueCount = (int)received.DequeueCount }, Receipt = receipt, PayloadBlob = blob }, partition.Index);
    }

    /// <summary>Hides a message again when it arrived before its due time on the engine's clock (clock skew, or a manual clock).</summary>
    private async Task<bool> DeferIfEarlyAsync(QueueReceipt receipt, TaskMessage message)
    {
        if (this.DelayUntil(message.VisibleAt) is not { } delay)
        {
            return false;
        }

        Log.MessageDeferred(this.logger, message.MessageId, message.InstanceId, message.VisibleAt!.Value);

        // With local wake-ups the clock brings it back; the queue's own visibility is then only a fallback.
        TimeSpan hide = this.wakeUps is not null && delay < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : delay;
        try
        {
            Response<UpdateReceipt> updated = await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, (string?)null, hide, CancellationToken.None);
            this.wakeUps?.Register(receipt.Queue, receipt.MessageId, updated.Value.PopReceipt, message.VisibleAt.Value);
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 404)
        {
            // Someone else has it now.
        }

        return true;
    }

    /// <summary>Adds a message to its instance's session and readies the session unless a step of it is running.</summary>
    private void Deliver(InboundMessage message, int partition)
    {
        InstanceSession session;
        lock (this.gate)
        {
            string instanceId = message.Message.InstanceId;
            if (!this.sessions.TryGetValue(instanceId, out session!))
            {
                session = new InstanceSession(instanceId, partition);
                this.sessions.Add(instanceId, session);
            }

            session.Pending.Add(message);
            this.pendingMessages++;
            if (message.Message.Event is TaskCompletedEvent or TaskFailedEvent && session.OutstandingActivities > 0)
            {
                session.OutstandingActivities--;
            }

            if (session.InFlight || session.Queued)
            {
                return;
            }

            session.Queued = true;
            if (this.WaitForAdmissionLocked(session))
            {
                return;
            }
        }

        this.ready.Writer.TryWrite(session);
    }

    /// <summary>Forgets a partition's sessions (their cached records may go stale under a new owner) and hands their held messages back.</summary>
    private async Task DropPartitionAsync(int partition)
    {
        var held = new List<InboundMessage>();
        lock (this.gate)
        {
            foreach (InstanceSession session in this.sessions.Values.Where(s => s.Partition == partition).ToList())
            {
                held.AddRange(session.Pending);
                this.pendingMessages -= session.Pending.Count;
                session.Pending.Clear();
                session.Record = null;
                if (!session.InFlight && session.Writes is null)
                {
                    this.sessions.Remove(session.InstanceId);
                    this.DeactivateLocked(session);
                }
            }
        }

        await this.ReleaseMessagesAsync(held, TimeSpan.Zero);
    }

    /// <summary>
    /// Hands messages back for redelivery after <paramref name="delay"/>: queue messages by their visibility, outcomes
    /// handed over in process by sending them to the control queue (then deleting their activity call).
    /// </summary>
    private async Task ReleaseMessagesAsync(IReadOnlyCollection<InboundMessage> messages, TimeSpan delay)
    {
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (inbound, _) =>
        {
            try
            {
                if (inbound.Receipt is { } receipt)
                {
                    Response<UpdateReceipt> updated = await receipt.Queue.UpdateMessageAsync(receipt.MessageId, receipt.PopReceipt, (string?)null, delay, CancellationToken.None);
                    if (delay > TimeSpan.Zero)
                    {
                        this.wakeUps?.Register(receipt.Queue, receipt.MessageId, updated.Value.PopReceipt, this.clock.GetUtcNow() + delay);
                    }
                    else
                    {
                        this.OnWoken(receipt.Queue);
                    }
                }
                else if (inbound.LocalOrigin is { } origin)
                {
                    TaskMessage message = inbound.Message;
                    DateTimeOffset? visibleAt = delay > TimeSpan.Zero ? this.clock.GetUtcNow() + delay : null;
                    string text = await this.codec.EncodeAsync(message with { VisibleAt = visibleAt }, CancellationToken.None);
                    await this.SendToInstanceAsync(message.InstanceId, text, visibleAt, CancellationToken.None);
                    await this.DeleteActivityAsync(origin);
                }
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException)
            {
                Log.ReleaseFailed(this.logger, inbound.Message.MessageId, inbound.Message.InstanceId, ex);
            }
        });
    }

    /// <summary>Sends queue text to an instance's control queue, hidden until <paramref name="visibleAt"/>.</summary>
    /// <returns>The sent message's receipt when it was sent hidden; null when it was sent visible.</returns>
    private async Task<QueueReceipt?> SendToInstanceAsync(string instanceId, string text, DateTimeOffset? visibleAt, CancellationToken cancellationToken)
    {
        ControlPartition partition = this.partitions[this.layout.PartitionOf(instanceId)];
        QueueReceipt? hidden = await this.SendAsync(partition.Queue, text, visibleAt, cancellationToken);
        if (hidden is null)
        {
            partition.Wake.Set();
        }

        return hidden;
    }

    /// <summary>Sends queue text to the work-item queue.</summary>
    private async Task SendActivityAsync(string text, DateTimeOffset? visibleAt, CancellationToken cancellationToken)
    {
        await this.SendAsync(this.storage.WorkItems, text, visibleAt, cancellationToken);
        this.activityWake.Set();
    }

    /// <summary>Sends queue text, hidden until <paramref name="visibleAt"/> when that is still ahead on the engine's clock.</summary>
    /// <returns>The sent message's receipt when it was sent hidden; null when it was sent visible.</returns>
    private async Task<QueueReceipt?> SendAsync(QueueClient queue, string text, DateTimeOffset? visibleAt, CancellationToken cancellationToken)
    {
        TimeSpan? delay = this.DelayUntil(visibleAt);

        // Messages never expire: a timer may wait for weeks in hops of up to seven days.
        Response<SendReceipt> sent = await queue.SendMessageAsync(text, delay, Timeout.InfiniteTimeSpan, cancellationToken);
        if (delay is not null)
        {
            this.wakeUps?.Register(queue, sent.Value.MessageId, sent.Value.PopReceipt, visibleAt!.Value);
        }

        Interlocked.Increment(ref this.version);
        return delay is null ? null : new QueueReceipt(queue, sent.Value.MessageId, sent.Value.PopReceipt);
    }

    private static async Task DeleteQuietlyAsync(QueueReceipt receipt)
    {
        try
        {
            await receipt.Queue.DeleteMessageAsync(receipt.MessageId, receipt.PopReceipt, CancellationToken.None);
        }
        catch (RequestFailedException ex) when (ex.Status is 400 or 404)
        {
            // Gone already, or received by someone else since (our lock expired): theirs to delete.
        }
    }
}
