using Serverless.Durable.Backend;
using Serverless.Storage.Queues.Models;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>Reads (without removing) up to 32 messages of the poison queue.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The poisoned messages, each with the dequeue count it reached.</returns>
    public async Task<IReadOnlyList<TaskMessage>> PeekPoisonMessagesAsync(CancellationToken cancellationToken = default)
    {
        await this.EnsureLayoutAsync(cancellationToken);
        PeekedMessage[] peeked = (await this.storage.Poison.PeekMessagesAsync(32, cancellationToken)).Value;
        var messages = new List<TaskMessage>(peeked.Length);
        foreach (PeekedMessage message in peeked)
        {
            MessageEnvelope envelope = StoredJson.Deserialize<MessageEnvelope>(message.MessageText);
            (TaskMessage decoded, _) = await this.codec.DecodeAsync(message.MessageText, cancellationToken);
            messages.Add(decoded with { DequeueCount = envelope.DequeueCount ?? 0 });
        }

        return messages;
    }

    /// <summary>
    /// Whether nothing can happen in this process without the clock moving or a client call: no step or activity
    /// running, no message held or buffered, no local wake-up due, and no visible message in any of the hub's queues.
    /// </summary>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns><see langword="true"/> when idle.</returns>
    /// <remarks>For tests of a single process: other processes' work is only seen through the queues.</remarks>
    internal async Task<bool> IsIdleAsync(CancellationToken cancellationToken)
    {
        long before = Interlocked.Read(ref this.version);
        if (!this.IsLocallyIdle())
        {
            return false;
        }

        PeekedMessage[][] visible = await Task.WhenAll(
            this.storage.ControlQueues.Append(this.storage.WorkItems).Select(async q => (await q.PeekMessagesAsync(1, cancellationToken)).Value));
        return visible.All(v => v.Length == 0) && this.IsLocallyIdle() && Interlocked.Read(ref this.version) == before;
    }

    /// <summary>How many steps of an instance wait for its next write-behind write (not counting a write under way).</summary>
    internal int QueuedSteps(string instanceId)
    {
        lock (this.gate)
        {
            return this.sessions.GetValueOrDefault(instanceId)?.Writes?.Queued.Count ?? 0;
        }
    }

    /// <summary>Whether post-commit work (deleting consumed messages, index and in-flight rows) or a recovery is still under way.</summary>
    internal bool HasBackgroundWork => Volatile.Read(ref this.busy) > 0;

    private bool IsLocallyIdle()
    {
        lock (this.gate)
        {
            if (this.pendingMessages > 0 || this.sessions.Values.Any(s => s.InFlight || s.Queued))
            {
                return false;
            }
        }

        return Volatile.Read(ref this.busy) == 0 &&
            Volatile.Read(ref this.activitiesInFlight) == 0 &&
            this.activityAvailable.CurrentCount == 0 &&
            this.wakeUps?.AnyDue != true;
    }
}
