using Serverless.Durable.Backend;
using Serverless.Durable.Core;
using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;
using Serverless.Storage.Queues;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>Timer messages of an instance that finished are deleted rather than left in its control queue until due.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTimerCleanUpTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));

    private CancellationToken Timeout => this.timeout.Token;

    [Fact]
    public async Task A_deadline_timer_that_lost_its_race_leaves_the_queue_when_its_instance_completes()
    {
        await using var test = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1);
        var control = new QueueClient(azurite.ConnectionString, test.HubName.ToLowerInvariant() + "-control-00");
        string executionId = await this.WaitOnDeadlineAsync(test, "raced");
        Assert.Equal(1, await CountAsync(control));

        // The event wins the race and the instance completes: its timer has nothing left to wake.
        OrchestrationWorkItem answered = await this.RaiseAsync(test, "raced", executionId);
        await test.Backend.CompleteOrchestrationWorkItemAsync(answered, new OrchestrationCommit
        {
            NewEvents = [.. answered.Messages.Select(m => m.Event)],
            NewState = answered.State! with { Status = OrchestrationRuntimeStatus.Completed },
        }, this.Timeout);

        // Deleted off the step's path: wait for it (a give-up limit, not a timing expectation).
        while (await CountAsync(control) > 0)
        {
            await Task.Delay(50, this.Timeout);
        }
    }

    [Fact]
    public async Task The_timer_of_an_instance_still_running_stays()
    {
        await using var test = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1);
        var control = new QueueClient(azurite.ConnectionString, test.HubName.ToLowerInvariant() + "-control-00");
        string executionId = await this.WaitOnDeadlineAsync(test, "waiting");

        OrchestrationWorkItem answered = await this.RaiseAsync(test, "waiting", executionId);
        await test.Backend.CompleteOrchestrationWorkItemAsync(answered, new OrchestrationCommit
        {
            NewEvents = [.. answered.Messages.Select(m => m.Event)],
            NewState = answered.State! with { Status = OrchestrationRuntimeStatus.Running, CustomStatus = "still waiting" },
        }, this.Timeout);
        await test.WaitForIdleAsync(this.Timeout);

        Assert.Equal(1, await CountAsync(control));
    }

    /// <summary>Starts the instance and commits a step that waits on a timer an hour out; answers its execution id.</summary>
    private async Task<string> WaitOnDeadlineAsync(AzureStorageTestBackend test, string instanceId)
    {
        await AzureTestInstances.CreateAsync(test.Backend, instanceId, this.Timeout);
        OrchestrationWorkItem started = await BackendPolling.LockOrchestrationAsync(test.Backend, this.Timeout);
        string executionId = started.State!.ExecutionId;
        DateTimeOffset fireAt = DateTimeOffset.UtcNow.AddHours(1);
        var timer = new TimerCreatedEvent(AzureTestInstances.Start, 0, fireAt);
        await test.Backend.CompleteOrchestrationWorkItemAsync(started, new OrchestrationCommit
        {
            NewEvents = [.. started.Messages.Select(m => m.Event), timer],
            NewState = started.State with { Status = OrchestrationRuntimeStatus.Running },
            OrchestrationMessages =
            [
                new TaskMessage(MessageIds.Timer(instanceId, executionId, 0), instanceId, executionId, new TimerFiredEvent(AzureTestInstances.Start, 0, fireAt)) { VisibleAt = fireAt },
            ],
        }, this.Timeout);
        await test.WaitForIdleAsync(this.Timeout);
        return executionId;
    }

    private async Task<OrchestrationWorkItem> RaiseAsync(AzureStorageTestBackend test, string instanceId, string executionId)
    {
        await test.Backend.SendMessageAsync(new TaskMessage($"{instanceId}:approved", instanceId, executionId, new EventRaisedEvent(AzureTestInstances.Start, "Approved", null, null)), this.Timeout);
        return await BackendPolling.LockOrchestrationAsync(test.Backend, this.Timeout);
    }

    private static async Task<int> CountAsync(QueueClient queue) => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
