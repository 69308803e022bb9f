using Serverless.Durable.TestWorker.Recording;
using Serverless.Durable.TestWorker.Scenarios;
using Serverless.Testing;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>Two worker processes share one task hub: every instance completes exactly once, and both do part of the work.</summary>
[Collection(MultiProcessCollection.Name)]
public sealed class TwoWorkerTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Instances = 200;

    [Fact]
    public async Task Two_workers_on_one_hub_complete_each_of_200_instances_exactly_once_and_share_the_work()
    {
        // A give-up limit against hangs, not a timing assertion.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        CancellationToken cancellationToken = giveUp.Token;
        await using TestHub hub = await TestHub.CreateAsync(azurite, "pair", output, cancellationToken);
        await using WorkerProcess a = await hub.StartWorkerAsync("A", cancellationToken);
        await using WorkerProcess b = await hub.StartWorkerAsync("B", cancellationToken);

        // Partitions are leased: give the second worker its share before the load starts.
        await Task.WhenAll(a.WaitUntilOwningAsync(cancellationToken), b.WaitUntilOwningAsync(cancellationToken));
        output.WriteLine($"balanced: A owns [{string.Join(',', a.OwnedPartitions)}], B owns [{string.Join(',', b.OwnedPartitions)}]");

        string[] ids = [.. Enumerable.Range(0, Instances).Select(n => TwoWorkerScenario.InstanceId("pair", n))];
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (n, ct) =>
            await hub.Client.ScheduleNewOrchestrationInstanceAsync(TwoWorkerScenario.Name, n, new(ids[n]), ct));

        var problems = new List<string>();
        for (int n = 0; n < Instances; n++)
        {
            var done = await hub.Client.WaitForInstanceCompletionAsync(ids[n], getInputsAndOutputs: true, cancellationToken);
            if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed || done.ReadOutputAs<int>() != TwoWorkerScenario.ExpectedOutput(n))
            {
                problems.Add($"{ids[n]}: {done.RuntimeStatus} output {done.SerializedOutput}, expected {TwoWorkerScenario.ExpectedOutput(n)}");
            }

            problems.AddRange(HistoryAudit.Check(ids[n], await hub.HistoryAsync(ids[n], cancellationToken), new HistoryExpectation(TwoWorkerScenario.Activities)));
        }

        // A graceful stop waits for the last steps, so every completion record is written before the records are read.
        await Task.WhenAll(a.StopAsync(cancellationToken), b.StopAsync(cancellationToken));
        IReadOnlyList<ExecutionRecord> records = await hub.RecordsAsync(cancellationToken);
        var completions = records.Where(r => r.Kind == ExecutionRecord.CompletionKind).ToList();
        var activities = records.Where(r => r.Kind == ExecutionRecord.ActivityKind).ToList();
        output.WriteLine($"completions by worker: {Count(completions)}; activity runs by worker: {Count(activities)}; " +
            $"activity re-runs: {activities.Count - activities.Select(r => r.Key).Distinct().Count()}");

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.All(ids, id => Assert.Single(completions, r => r.InstanceId == id));
        Assert.Equal(Instances, completions.Count);
        Assert.All(new[] { "A", "B" }, worker => Assert.Contains(completions, r => r.Worker == worker));
        Assert.All(new[] { "A", "B" }, worker => Assert.Contains(activities, r => r.Worker == worker));
    }

    private static string Count(IEnumerable<ExecutionRecord> records) =>
        string.Join(", ", records.GroupBy(r => r.Worker).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}
