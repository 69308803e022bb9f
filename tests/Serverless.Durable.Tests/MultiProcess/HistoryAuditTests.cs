using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.InMemory;
using Serverless.Durable.Tests.Support;
using Serverless.Durable.TestWorker.Scenarios;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>
/// The multi-process tests trust <see cref="HistoryAudit"/> and the worker's scenarios; these pin both down in
/// memory: a real history passes, and each kind of damage a crash could cause is reported.
/// </summary>
public sealed class HistoryAuditTests(ITestOutputHelper output)
{
    private static readonly HistoryExpectation CrashParent = new(CrashScenario.ParentActivities, Timers: 1, SubOrchestrations: 1, EventsRaised: 1);

    [Fact]
    public async Task Crash_scenario_completes_with_the_expected_output_and_an_audit_clean_history()
    {
        (IReadOnlyList<HistoryEvent> parent, IReadOnlyList<HistoryEvent> child) = await RunCrashScenarioAsync(7);

        Assert.Empty(HistoryAudit.Check("p", parent, CrashParent));
        Assert.Empty(HistoryAudit.Check("c", child, new HistoryExpectation(CrashScenario.ChildActivities)));
    }

    [Fact]
    public async Task Audit_reports_a_duplicated_completion_a_missing_completion_and_a_second_end()
    {
        (IReadOnlyList<HistoryEvent> parent, _) = await RunCrashScenarioAsync(3);
        TaskCompletedEvent completed = parent.OfType<TaskCompletedEvent>().First();
        ExecutionCompletedEvent end = parent.OfType<ExecutionCompletedEvent>().Single();

        Assert.Contains(HistoryAudit.Check("p", [.. parent.SkipLast(1), completed, end], CrashParent), p => p.Contains("second completion", StringComparison.Ordinal));
        Assert.Contains(HistoryAudit.Check("p", [.. parent.Where(e => e != completed)], CrashParent), p => p.Contains("never completed", StringComparison.Ordinal));
        Assert.Contains(HistoryAudit.Check("p", [.. parent, end], CrashParent), p => p.Contains("2 ExecutionCompleted", StringComparison.Ordinal));
        Assert.Contains(HistoryAudit.Check("p", [.. parent.SkipLast(1)], CrashParent), p => p.Contains("does not end", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Audit_reports_a_call_scheduled_twice_and_a_completion_without_its_call()
    {
        (IReadOnlyList<HistoryEvent> parent, _) = await RunCrashScenarioAsync(4);
        TaskScheduledEvent scheduled = parent.OfType<TaskScheduledEvent>().First();
        var stray = new TaskCompletedEvent(scheduled.Timestamp, 999, "1");

        Assert.Contains(HistoryAudit.Check("p", [scheduled, .. parent], CrashParent), p => p.Contains("scheduled twice", StringComparison.Ordinal));
        Assert.Contains(HistoryAudit.Check("p", [stray, .. parent], CrashParent), p => p.Contains("without an earlier scheduling event", StringComparison.Ordinal));
    }

    private async Task<(IReadOnlyList<HistoryEvent> Parent, IReadOnlyList<HistoryEvent> Child)> RunCrashScenarioAsync(int n)
    {
        var clock = new ManualTimeProvider();
        await using DurableTestHost host = await DurableTestHost.StartAsync(new InMemoryTestBackend(clock), clock, new TestLog(output), r =>
        {
            CrashScenario.Register(r);
            Step.Register(r, _ => Task.CompletedTask, TimeSpan.Zero);
        });
        string id = CrashScenario.InstanceId("audit", n);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(CrashScenario.Name, n, new() { InstanceId = id }, host.Timeout);
        await host.AdvanceAsync(TimeSpan.FromSeconds(2));
        await host.Client.RaiseEventAsync(id, CrashScenario.EventName, CrashScenario.EventPayload(n), host.Timeout);

        var done = await host.CompletionAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(CrashScenario.ExpectedOutput(n), done.ReadOutputAs<string>());
        return (await host.HistoryAsync(id), await host.HistoryAsync(CrashScenario.ChildInstanceId(id)));
    }
}
