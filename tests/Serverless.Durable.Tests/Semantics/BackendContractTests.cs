using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

/// <summary>The <see cref="IOrchestrationBackend"/> contract, exercised directly (no worker): what every backend must do.</summary>
public abstract class BackendContractTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ManualTimeProvider clock = new(Start);
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(30));

    /// <summary>How long a lock lasts in this backend; tests move the clock past it.</summary>
    protected virtual TimeSpan LockTimeout => TimeSpan.FromMinutes(5);

    private CancellationToken Timeout => this.timeout.Token;

    [Fact]
    public async Task A_stale_commit_from_a_worker_that_lost_its_lock_fails_without_effect()
    {
        await using ITestBackend test = this.CreateBackend(this.clock);
        IOrchestrationBackend backend = test.Backend;
        await this.CreateAsync(backend, "contended");

        OrchestrationWorkItem first = await this.LockAsync(backend);
        this.clock.Advance(this.LockTimeout + TimeSpan.FromSeconds(1));
        OrchestrationWorkItem second = await this.LockAsync(backend);
        Assert.Equal("contended", second.InstanceId);
        Assert.Equal(2, second.Messages.Single().DequeueCount);

        await backend.CompleteOrchestrationWorkItemAsync(second, Commit(second, "by-second"), this.Timeout);
        await Assert.ThrowsAsync<WorkItemLockLostException>(() =>
            backend.CompleteOrchestrationWorkItemAsync(first, Commit(first, "by-first"), this.Timeout));

        var history = await backend.GetHistoryAsync("contended", this.Timeout);
        Assert.Equal("by-second", Assert.IsType<EventRaisedEvent>(Assert.Single(history)).Name);
        Assert.Equal("by-second", (await backend.GetStateAsync("contended", true, this.Timeout))!.CustomStatus);
    }

    [Fact]
    public async Task An_instance_is_locked_for_one_worker_at_a_time_and_its_new_messages_wait_for_the_next_work_item()
    {
        await using ITestBackend test = this.CreateBackend(this.clock);
        IOrchestrationBackend backend = test.Backend;
        await this.CreateAsync(backend, "serial");
        OrchestrationWorkItem held = await this.LockAsync(backend);

        await backend.SendMessageAsync(Event("serial", "e1"), this.Timeout);
        await backend.SendMessageAsync(Event("serial", "e2"), this.Timeout);
        Task<OrchestrationWorkItem> other = this.LockAsync(backend);
        Assert.False(other.IsCompleted);

        await backend.CompleteOrchestrationWorkItemAsync(held, Commit(held, "first"), this.Timeout);
        OrchestrationWorkItem next = await other;
        Assert.Equal(["e1", "e2"], next.Messages.Select(m => m.MessageId));
        Assert.Single(next.History);
    }

    [Fact]
    public async Task Abandoned_messages_come_back_after_the_delay_with_a_higher_dequeue_count()
    {
        await using ITestBackend test = this.CreateBackend(this.clock);
        IOrchestrationBackend backend = test.Backend;
        await this.CreateAsync(backend, "abandoned");

        OrchestrationWorkItem first = await this.LockAsync(backend);
        await backend.AbandonOrchestrationWorkItemAsync(first, TimeSpan.FromSeconds(30), this.Timeout);
        await test.WaitForIdleAsync(this.Timeout);
        Task<OrchestrationWorkItem> again = this.LockAsync(backend);
        this.clock.Advance(TimeSpan.FromSeconds(29));
        await test.WaitForIdleAsync(this.Timeout);
        Assert.False(again.IsCompleted);

        this.clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, (await again).Messages.Single().DequeueCount);
    }

    [Fact]
    public async Task Delayed_messages_are_never_delivered_before_they_are_visible()
    {
        await using ITestBackend test = this.CreateBackend(this.clock);
        IOrchestrationBackend backend = test.Backend;
        await this.CreateAsync(backend, "delayed");
        OrchestrationWorkItem started = await this.LockAsync(backend);
        var timer = new TaskMessage("timer", "delayed", null, new TimerFiredEvent(Start, 0, Start.AddDays(3))) { VisibleAt = Start.AddDays(3) };
        await backend.CompleteOrchestrationWorkItemAsync(started, new OrchestrationCommit { NewState = started.State, OrchestrationMessages = [timer] }, this.Timeout);

        Task<OrchestrationWorkItem> next = this.LockAsync(backend);
        this.clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromTicks(1));
        await test.WaitForIdleAsync(this.Timeout);
        Assert.False(next.IsCompleted);

        this.clock.Advance(TimeSpan.FromTicks(1));
        Assert.Equal("timer", (await next).Messages.Single().MessageId);
    }

    [Fact]
    public async Task Creating_an_instance_that_is_not_finished_is_refused_without_effect()
    {
        await using ITestBackend test = this.CreateBackend(this.clock);
        IOrchestrationBackend backend = test.Backend;

        Assert.True(await this.CreateAsync(backend, "once"));
        Assert.False(await this.CreateAsync(backend, "once", "other-execution"));

        OrchestrationWorkItem item = await this.LockAsync(backend);
        Assert.Single(item.Messages);
        Assert.Equal("execution-1", item.State!.ExecutionId);
    }

    protected abstract ITestBackend CreateBackend(ManualTimeProvider clock);

    private static OrchestrationCommit Commit(OrchestrationWorkItem item, string marker) => new()
    {
        NewEvents = [new EventRaisedEvent(Start, marker, null, marker)],
        NewState = item.State! with { Status = OrchestrationRuntimeStatus.Running, CustomStatus = marker },
    };

    private static TaskMessage Event(string instanceId, string id) =>
        new(id, instanceId, null, new EventRaisedEvent(Start, id, null, id));

    private Task<OrchestrationWorkItem> LockAsync(IOrchestrationBackend backend) => BackendPolling.LockOrchestrationAsync(backend, this.Timeout);

    private Task<bool> CreateAsync(IOrchestrationBackend backend, string instanceId, string executionId = "execution-1")
    {
        var state = new OrchestrationState
        {
            InstanceId = instanceId,
            Name = "Test",
            ExecutionId = executionId,
            Status = OrchestrationRuntimeStatus.Pending,
            CreatedAt = Start,
            LastUpdatedAt = Start,
        };
        var start = new TaskMessage($"{instanceId}:start", instanceId, executionId, new ExecutionStartedEvent(Start, "Test", executionId, null, null));
        return backend.CreateInstanceAsync(state, start, this.Timeout);
    }
}
