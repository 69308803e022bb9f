using System.Collections.Concurrent;

namespace Emigrate.Sms.Outbound;

/// <summary>Records whose callers do not wait for them, and the reads that must see them.</summary>
/// <remarks>
/// The webhook's reply to an SMS travels in its HTTP response; its outbox row is a record of what was answered, so the
/// answer need not wait for it (SMS STATUS then costs one storage round trip, not two). Reads of this process see such
/// a record as if it had been awaited: a read of the recipient's messages or of the key first waits for the recipient's
/// records still under way, and the host waits for all of them before it stops. What is given up: if the process dies
/// in the few milliseconds between answering and the row landing, that reply is missing from the outbox.
/// </remarks>
public sealed partial class SmsOutbox
{
    private readonly ConcurrentDictionary<long, (string Recipient, Task Write)> behind = new();
    private long nextBehind;

    /// <summary>
    /// Records the message as <see cref="TryRecordAsync(string, string, SmsMessage, OutboundKind, string?, string, CancellationToken)"/>
    /// does, without the caller waiting; <paramref name="onFailed"/> hears of a record that could not be written.
    /// </summary>
    public void RecordBehind(string recipient, string idempotencyKey, SmsMessage message, OutboundKind kind, string? caseId, string delivery, Action<Exception> onFailed)
    {
        ArgumentNullException.ThrowIfNull(onFailed);
        long id = Interlocked.Increment(ref this.nextBehind);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Tracked before it starts, so a read that follows this call always finds it.
        this.behind[id] = (recipient, done.Task);
        _ = WriteAsync();

        async Task WriteAsync()
        {
            try
            {
                // Not the request's token: the request is answered before this lands.
                await this.TryRecordAsync(recipient, idempotencyKey, message, kind, caseId, delivery, CancellationToken.None);
            }
            catch (Exception e)
            {
                onFailed(e);
            }
            finally
            {
                this.behind.TryRemove(id, out _);
                done.SetResult();
            }
        }
    }

    /// <summary>Waits for every record still under way (the host calls it as it stops).</summary>
    public Task DrainAsync() => Task.WhenAll(this.behind.Values.Select(b => b.Write));

    /// <summary>Waits for the recipient's records still under way, so this process reads what it answered.</summary>
    private Task RecordsUnderWayAsync(string recipient) =>
        this.behind.IsEmpty ? Task.CompletedTask : Task.WhenAll(this.behind.Values.Where(b => b.Recipient == recipient).Select(b => b.Write));
}
