using System.Diagnostics;
using Azure.Core;
using Serverless.Bench.Measurement;
using Serverless.Storage;
using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;
using Serverless.Storage.Tables;

namespace Serverless.Bench.Storage;

/// <summary>
/// Raw Azurite throughput through our own clients: the ceiling every higher layer is compared against.
/// </summary>
/// <remarks>
/// Queue receive is measured at a shallow depth (kept under 50, the engine's design point) in 32-message batches,
/// and at depth 2,000 one message at a time, because Azurite's receive cost grows with queue depth.
/// The deep-queue phase runs last: after it Azurite stays busy for minutes (a blob phase measured after it showed
/// a p99 of 131 s while the same phase run before it had 231 ms), which would poison whatever came next.
/// </remarks>
internal sealed class RawStorageBenchmark(string connectionString, int concurrency, double scale)
{
    private readonly RequestCounter _counter = new();

    public async Task<RawStorageLimits> RunAsync()
    {
        var options = new StorageClientOptions();
        options.AddPolicy(_counter, HttpPipelinePosition.PerRetry);
        var results = new List<Result>();
        var suffix = Guid.NewGuid().ToString("N")[..8];

        var table = new TableClient(connectionString, $"bench{suffix}", options);
        await table.CreateIfNotExistsAsync();
        var entities = Scaled(3000);
        results.Add(await ConcurrentRunner.RunAsync("table point insert", entities, concurrency,
            i => table.AddEntityAsync(new TableEntity($"p{i % 64}", $"r{i:D8}") { ["Value"] = (long)i, ["Text"] = "benchmark row" }), _counter));
        results.Add(await ConcurrentRunner.RunAsync("table point read", entities, concurrency,
            i => table.GetEntityAsync<TableEntity>($"p{i % 64}", $"r{i:D8}"), _counter));

        var container = new BlobContainerClient(connectionString, $"bench-{suffix}", options);
        await container.CreateIfNotExistsAsync();
        var payload = new byte[64 * 1024];
        Random.Shared.NextBytes(payload);
        results.Add(await ConcurrentRunner.RunAsync("blob 64 KB upload + download", Scaled(600), concurrency, async i =>
        {
            var blob = container.GetBlobClient($"b{i}");
            await blob.UploadAsync(new MemoryStream(payload, writable: false), new BlobUploadOptions());
            var download = await blob.DownloadStreamingAsync();
            await using var content = download.Value.Content;
            await content.CopyToAsync(Stream.Null);
        }, _counter));

        var queueOptions = new QueueClientOptions();
        queueOptions.AddPolicy(_counter, HttpPipelinePosition.PerRetry);
        var queue = new QueueClient(connectionString, $"bench-{suffix}", queueOptions);
        await queue.CreateIfNotExistsAsync();
        results.Add(await ConcurrentRunner.RunAsync("queue send", Scaled(2000), concurrency,
            i => queue.SendMessageAsync($"message {i}"), _counter));
        await queue.ClearMessagesAsync();
        results.Add(await ReceiveBatchedAtShallowDepthAsync(queue, Scaled(2000)));
        results.Add(await ReceiveOneAtATimeAtDepthAsync(queue, depth: 2000, messages: Scaled(800)));

        await table.DeleteAsync();
        await queue.DeleteIfExistsAsync();
        await container.DeleteIfExistsAsync();
        return new RawStorageLimits(results);
    }

    private int Scaled(int n) => Math.Max(concurrency, (int)(n * scale));

    private async Task<Result> ReceiveBatchedAtShallowDepthAsync(QueueClient queue, int messages)
    {
        // Refill to 48 before each timed receive so the queue stays as shallow as the engine keeps its own queues.
        var recorder = new LatencyRecorder(messages);
        var handled = 0;
        var timed = TimeSpan.Zero;
        var requestsBefore = _counter.Count;
        long untimedRequests = 0;
        while (handled < messages)
        {
            var before = _counter.Count;
            await Task.WhenAll(Enumerable.Range(0, 48).Select(i => queue.SendMessageAsync($"m{i}")));
            untimedRequests += _counter.Count - before;
            var start = Stopwatch.GetTimestamp();
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            await Task.WhenAll(received.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt)));
            var elapsed = Stopwatch.GetTimestamp() - start;
            timed += Stopwatch.GetElapsedTime(start, start + elapsed);
            foreach (var _ in received)
            {
                recorder.Record(elapsed);
            }

            handled += received.Length;
            await queue.ClearMessagesAsync();
        }

        var perMessage = (_counter.Count - requestsBefore - untimedRequests) / (double)handled;
        return new Result("queue receive(32)+delete, depth <= 50 (per msg)", handled, timed, recorder.PercentileMs(50), recorder.PercentileMs(99), perMessage);
    }

    private async Task<Result> ReceiveOneAtATimeAtDepthAsync(QueueClient queue, int depth, int messages)
    {
        await ConcurrentRunner.RunAsync("fill", depth, concurrency, i => queue.SendMessageAsync($"m{i}"));
        var result = await ConcurrentRunner.RunAsync($"queue receive(1)+delete, depth {depth:N0}", messages, concurrency, async _ =>
        {
            var message = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            if (message is not null)
            {
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }, _counter);
        await queue.ClearMessagesAsync();
        return result;
    }
}
