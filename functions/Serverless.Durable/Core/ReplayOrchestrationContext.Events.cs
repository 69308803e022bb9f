using Serverless.Durable.History;

namespace Serverless.Durable.Core;

internal sealed partial class ReplayOrchestrationContext
{
    // Events received while nobody waited, in arrival order (all names): each wait takes the oldest of its name.
    private readonly List<EventRaisedEvent> bufferedEvents = [];
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> waiters = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Events received that no wait has taken, in arrival order (carried over by continue-as-new).</summary>
    public IReadOnlyList<EventRaisedEvent> UnprocessedEvents => this.bufferedEvents;

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        int index = this.bufferedEvents.FindIndex(e => string.Equals(e.Name, eventName, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            string? payload = this.bufferedEvents[index].Input;
            this.bufferedEvents.RemoveAt(index);
            return this.Receive<T>(Task.FromResult(payload));
        }

        if (!this.waiters.TryGetValue(eventName, out var queue))
        {
            queue = new LinkedList<TaskCompletionSource<string?>>();
            this.waiters.Add(eventName, queue);
        }

        var source = new TaskCompletionSource<string?>();
        LinkedListNode<TaskCompletionSource<string?>> node = queue.AddLast(source);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    queue.Remove(node);
                }

                source.TrySetCanceled(cancellationToken);
            });
        }

        return this.Receive<T>(source.Task);
    }

    /// <summary>Hands a received event to the oldest waiter of its name, or buffers it.</summary>
    public void Raise(EventRaisedEvent raised)
    {
        if (this.waiters.TryGetValue(raised.Name, out var queue) && queue.First is { } first)
        {
            queue.RemoveFirst();
            first.Value.TrySetResult(raised.Input);
            return;
        }

        this.bufferedEvents.Add(raised);
    }

    private async Task<T> Receive<T>(Task<string?> payload) => this.DeserializeResult<T>(await payload);
}
