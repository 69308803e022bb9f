using System.Collections.Concurrent;

namespace Serverless.Storage.Tests.Core;

/// <summary>
/// The group commit the list writer and the engine's index-row writer share, against a batch writer that records each
/// batch and holds it until the test lets it go. Pure logic: no storage.
/// </summary>
public sealed class GroupCommitQueueTests
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Writes_that_arrive_while_a_batch_is_under_way_go_together_as_the_next_batch()
    {
        var writer = new HeldBatches();
        var queue = writer.Queue(maxBatch: 10);

        Write first = queue.Add("p", "a", 1);
        Batch held = await writer.NextAsync();
        Write[] behind = [queue.Add("p", "b", 2), queue.Add("p", "c", 3), queue.Add("p", "d", 4)];
        Assert.DoesNotContain(behind, w => w.Done.IsCompleted);

        held.Release();
        Batch next = await writer.PassNextAsync();
        await Task.WhenAll([first.Done, .. behind.Select(w => w.Done)]).WaitAsync(GiveUp);

        Assert.Equal(["a"], held.Keys);
        Assert.Equal(["b", "c", "d"], next.Keys);
        Assert.Equal(2, writer.Count);
    }

    [Fact]
    public async Task A_batch_takes_one_write_per_key_so_writes_of_a_key_keep_their_order()
    {
        var writer = new HeldBatches();
        var queue = writer.Queue(maxBatch: 10);

        queue.Add("p", "x", 0);
        Batch held = await writer.NextAsync();
        queue.Add("p", "a", 1);
        queue.Add("p", "a", 2);
        queue.Add("p", "b", 3);
        queue.Add("p", "a", 4);
        held.Release();

        Batch second = await writer.PassNextAsync();
        Batch third = await writer.PassNextAsync();
        Batch fourth = await writer.PassNextAsync();

        Assert.Equal([(1, "a"), (3, "b")], second.Writes.Select(w => (w.Value, w.Key)));
        Assert.Equal([(2, "a")], third.Writes.Select(w => (w.Value, w.Key)));
        Assert.Equal([(4, "a")], fourth.Writes.Select(w => (w.Value, w.Key)));
    }

    [Fact]
    public async Task A_batch_holds_at_most_max_batch_writes_and_the_rest_follow()
    {
        var writer = new HeldBatches();
        var queue = writer.Queue(maxBatch: 3);

        queue.Add("p", "first", 0);
        Batch held = await writer.NextAsync();
        Write[] behind = [.. Enumerable.Range(1, 7).Select(i => queue.Add("p", "k" + i, i))];
        held.Release();

        var sizes = new List<int>();
        while (sizes.Sum() < behind.Length)
        {
            Batch batch = await writer.NextAsync();
            sizes.Add(batch.Writes.Count);
            batch.Release();
        }

        await Task.WhenAll(behind.Select(w => w.Done)).WaitAsync(GiveUp);
        Assert.Equal([3, 3, 1], sizes);
    }

    [Fact]
    public async Task Partitions_drain_on_their_own_so_a_held_batch_does_not_hold_another_partition()
    {
        var writer = new HeldBatches();
        var queue = writer.Queue(maxBatch: 10);

        queue.Add("slow", "a", 1);
        Batch slow = await writer.NextAsync();
        Write other = queue.Add("fast", "b", 2);
        Batch fast = await writer.PassNextAsync();
        await other.Done.WaitAsync(GiveUp);

        Assert.Equal("slow", slow.Partition);
        Assert.Equal("fast", fast.Partition);
        Assert.False(slow.Released);
        slow.Release();
    }

    [Fact]
    public async Task A_batch_is_background_only_when_every_write_in_it_was_queued_by_background_work()
    {
        var writer = new HeldBatches();
        var queue = writer.Queue(maxBatch: 10);

        Write started;
        using (BackgroundStorageTraffic.Begin())
        {
            started = queue.Add("p", "a", 1);
        }

        Batch first = await writer.NextAsync();
        queue.Add("p", "b", 2);
        using (BackgroundStorageTraffic.Begin())
        {
            queue.Add("p", "c", 3);
        }

        first.Release();
        Batch mixed = await writer.NextAsync();
        using (BackgroundStorageTraffic.Begin())
        {
            queue.Add("p", "d", 4);
        }

        mixed.Release();
        Batch backgroundOnly = await writer.PassNextAsync();
        await started.Done.WaitAsync(GiveUp);

        Assert.True(first.Background);
        Assert.False(mixed.Background);
        Assert.True(backgroundOnly.Background);
    }

    [Fact]
    public async Task The_drain_does_not_run_in_the_flow_of_the_caller_that_started_it()
    {
        var writer = new HeldBatches();
        var queue = writer.Queue(maxBatch: 10);

        // Background work starts the drain; an interactive write queued behind it must not go as background.
        using (BackgroundStorageTraffic.Begin())
        {
            queue.Add("p", "a", 1);
        }

        Batch first = await writer.NextAsync();
        queue.Add("p", "b", 2);
        first.Release();
        Batch second = await writer.PassNextAsync();

        Assert.True(first.Background);
        Assert.False(second.Background);
    }

    [Fact]
    public void A_max_batch_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommitQueue<Write>(0, w => w.Key, (_, _) => Task.CompletedTask));
    }

    /// <summary>A queued write: its key, a value to tell writes of one key apart, and its completion.</summary>
    private sealed record Write(string Key, int Value)
    {
        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => this.Completion.Task;
    }

    /// <summary>One batch the queue handed to the writer, held until released.</summary>
    private sealed class Batch(string partition, IReadOnlyList<Write> writes, bool background)
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Partition => partition;

        public IReadOnlyList<Write> Writes => writes;

        public IReadOnlyList<string> Keys => [.. writes.Select(w => w.Key)];

        /// <summary>Whether the writer ran in a background flow (as the storage requests of the batch would).</summary>
        public bool Background => background;

        public bool Released => this.release.Task.IsCompleted;

        public Task Held => this.release.Task;

        public void Release() => this.release.TrySetResult();
    }

    /// <summary>The batch writer: records each batch, waits for the test to release it, then completes its writes.</summary>
    private sealed class HeldBatches
    {
        private readonly ConcurrentQueue<Batch> handed = new();
        private readonly SemaphoreSlim arrived = new(0);
        private int taken;

        public int Count => this.handed.Count;

        public Queue Queue(int maxBatch) => new(new GroupCommitQueue<Write>(maxBatch, w => w.Key, this.WriteAsync));

        public async Task<Batch> NextAsync()
        {
            Assert.True(await this.arrived.WaitAsync(GiveUp), "No batch reached the writer.");
            return this.handed.ElementAt(this.taken++);
        }

        /// <summary>The next batch, let go at once.</summary>
        public async Task<Batch> PassNextAsync()
        {
            Batch batch = await this.NextAsync();
            batch.Release();
            return batch;
        }

        private async Task WriteAsync(string partition, IReadOnlyList<Write> writes)
        {
            var batch = new Batch(partition, [.. writes], BackgroundStorageTraffic.IsActive);
            this.handed.Enqueue(batch);
            this.arrived.Release();
            await batch.Held;
            foreach (Write write in writes)
            {
                write.Completion.TrySetResult();
            }
        }
    }

    /// <summary>Adds writes to the queue under test.</summary>
    private sealed class Queue(GroupCommitQueue<Write> queue)
    {
        public Write Add(string partition, string key, int value)
        {
            var write = new Write(key, value);
            queue.Enqueue(partition, write);
            return write;
        }
    }
}
