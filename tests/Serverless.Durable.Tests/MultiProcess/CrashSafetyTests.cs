using Serverless.Durable.History;
using Serverless.Durable.TestWorker.Recording;
using Serverless.Durable.TestWorker.Scenarios;
using Serverless.Testing;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>
/// Crash safety across processes: workers are SIGKILLed at random points while 100 orchestrations with activities,
/// timers, external events and sub-orchestrations run, and a fresh worker finishes them all.
/// </summary>
[Collection(MultiProcessCollection.Name)]
public sealed class CrashSafetyTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Instances = 100;
    private const int Kills = 3;

    private static readonly HistoryExpectation Parent = new(CrashScenario.ParentActivities, Timers: 1, SubOrchestrations: 1, EventsRaised: 1);
    private static readonly HistoryExpectation Child = new(CrashScenario.ChildActivities);

    [Fact]
    public async Task Workers_killed_mid_flight_leave_every_instance_completed_once_with_a_complete_duplicate_free_history()
    {
        // A give-up limit against hangs, not a timing assertion.
        using var giveUp = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        CancellationToken cancellationToken = giveUp.Token;
        await using TestHub hub = await TestHub.CreateAsync(azurite, "crash", output, cancellationToken);
        int seed = Environment.TickCount;
        var random = new Random(seed);
        output.WriteLine($"random seed {seed}");
        string[] ids = [.. Enumerable.Range(0, Instances).Select(n => CrashScenario.InstanceId("crash", n))];
        await Parallel.ForEachAsync(Enumerable.Range(0, Instances), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (n, ct) =>
            await hub.Client.ScheduleNewOrchestrationInstanceAsync(CrashScenario.Name, n, new(ids[n]), ct));

        for (int kill = 1; kill <= Kills; kill++)
        {
            await using WorkerProcess victim = await hub.StartWorkerAsync($"victim{kill}", cancellationToken);

            // Kill only a worker that holds partitions (after a crash the next one waits for the leases to expire),
            // then at a random moment of its work.
            await victim.WaitUntilOwningAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 5000)), cancellationToken);
            victim.Kill();
            if (kill == 1)
            {
                // Some instances are waiting by now, others have not got there: the event is buffered for those.
                foreach ((string id, int n) in ids.Select((id, n) => (id, n)))
                {
                    await hub.Client.RaiseEventAsync(id, CrashScenario.EventName, CrashScenario.EventPayload(n), cancellationToken);
                }
            }
        }

        await using WorkerProcess survivor = await hub.StartWorkerAsync("survivor", cancellationToken);
        var problems = new List<string>();
        try
        {
            for (int n = 0; n < Instances; n++)
            {
                problems.AddRange(await this.AuditAsync(hub, ids[n], CrashScenario.ExpectedOutput(n), Parent, cancellationToken));
                problems.AddRange(await this.AuditAsync(hub, CrashScenario.ChildInstanceId(ids[n]), null, Child, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            // Say which instances never finished and where they stopped, so a hang can be diagnosed from the log.
            await this.ReportUnfinishedAsync(hub, ids);
            throw;
        }

        await survivor.StopAsync(cancellationToken);
        IReadOnlyList<ExecutionRecord> records = await hub.RecordsAsync(cancellationToken);
        var runs = records.Where(r => r.Kind == ExecutionRecord.ActivityKind).GroupBy(r => r.Key).ToList();
        output.WriteLine($"{runs.Count} activity calls, {runs.Sum(g => g.Count() - 1)} re-runs after kills (at-least-once), " +
            $"{runs.Count(g => g.Count() > 1)} calls ran more than once; runs by worker: " +
            string.Join(", ", records.Where(r => r.Kind == ExecutionRecord.ActivityKind).GroupBy(r => r.Worker).Select(g => $"{g.Key} {g.Count()}")));

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.Equal(Instances * (CrashScenario.ParentActivities + CrashScenario.ChildActivities), runs.Count);
    }

    private async Task ReportUnfinishedAsync(TestHub hub, string[] ids)
    {
        using var report = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (string id in ids.SelectMany(id => new[] { id, CrashScenario.ChildInstanceId(id) }))
        {
            var state = await hub.Client.GetInstanceAsync(id, false, report.Token);
            if (state?.RuntimeStatus == OrchestrationRuntimeStatus.Completed)
            {
                continue;
            }

            IReadOnlyList<HistoryEvent> history = await hub.HistoryAsync(id, report.Token);
            output.WriteLine($"unfinished {id}: {state?.RuntimeStatus.ToString() ?? "no instance"}; history: " +
                string.Join(", ", history.Select(e => e.GetType().Name.Replace("Event", string.Empty, StringComparison.Ordinal) + e switch
                {
                    TaskScheduledEvent t => $"#{t.EventId}",
                    TaskCompletedEvent c => $"#{c.TaskScheduledId}",
                    TaskFailedEvent f => $"#{f.TaskScheduledId}",
                    _ => string.Empty,
                })));
        }
    }

    private async Task<IReadOnlyList<string>> AuditAsync(TestHub hub, string instanceId, string? expectedOutput, HistoryExpectation expected, CancellationToken cancellationToken)
    {
        var done = await hub.Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        var problems = new List<string>();
        if (done.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
        {
            problems.Add($"{instanceId}: {done.RuntimeStatus} {done.FailureDetails?.ErrorMessage}");
        }
        else if (expectedOutput is not null && done.ReadOutputAs<string>() != expectedOutput)
        {
            problems.Add($"{instanceId}: output {done.SerializedOutput}, expected {expectedOutput}");
        }

        problems.AddRange(HistoryAudit.Check(instanceId, await hub.HistoryAsync(instanceId, cancellationToken), expected));
        return problems;
    }
}
