using System.Collections.Concurrent;
using System.Diagnostics;
using Serverless.Durable;

namespace Serverless.Bench.Engine;

/// <summary>The benchmark's orchestrators and activities: trivial activities, so the figures are the engine's own cost.</summary>
internal sealed class BenchTasks
{
    public const string Sequence = "Sequence";
    public const string FanOut = "FanOut";
    public const string PingPong = "PingPong";
    public const string Ping = "ping";

    /// <summary>When each Pong call started, by <c>instance/round</c>, as a <see cref="Stopwatch"/> timestamp.</summary>
    public ConcurrentDictionary<string, TaskCompletionSource<long>> PongStarts { get; } = new(StringComparer.Ordinal);

    public static string PongKey(string instanceId, int round) => $"{instanceId}/{round}";

    public TaskCompletionSource<long> PongStart(string instanceId, int round) =>
        this.PongStarts.GetOrAdd(PongKey(instanceId, round), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));

    public void Register(DurableTaskRegistry registry)
    {
        registry.AddActivity<int, int>("Add", (_, x) => Task.FromResult(x + 1));
        registry.AddActivity<PongInput, int>("Pong", (_, input) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            this.PongStart(input.InstanceId, input.Round).TrySetResult(Stopwatch.GetTimestamp());
            return Task.FromResult(input.Round);
        });
        registry.AddOrchestrator<int, int>(Sequence, async (context, length) =>
        {
            int x = 0;
            for (int i = 0; i < length; i++)
            {
                x = await context.CallActivityAsync<int>("Add", x);
            }

            return x;
        });
        registry.AddOrchestrator<int, int>(FanOut, async (context, width) =>
        {
            int[] results = await Task.WhenAll(Enumerable.Range(0, width).Select(i => context.CallActivityAsync<int>("Add", i)));
            return results.Length;
        });
        registry.AddOrchestrator<int, int>(PingPong, async (context, rounds) =>
        {
            for (int round = 0; round < rounds; round++)
            {
                await context.WaitForExternalEvent<int>(Ping);
                await context.CallActivityAsync<int>("Pong", new PongInput(context.InstanceId, round));
            }

            return rounds;
        });
    }

    internal sealed record PongInput(string InstanceId, int Round);
}
