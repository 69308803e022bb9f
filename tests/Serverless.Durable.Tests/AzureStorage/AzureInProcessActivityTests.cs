using Serverless.Durable.Backend;
using Serverless.Durable.Core;
using Serverless.Durable.History;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tables;
using Serverless.Durable.Tests.Support;
using Serverless.Testing;

namespace Serverless.Durable.Tests.AzureStorage;

/// <summary>Activity calls handed over in the partition owner's memory (the default): durable without a queue message.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureInProcessActivityTests(AzuriteFixture azurite)
{
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(90));

    private CancellationToken Timeout => this.timeout.Token;

    [Fact]
    public async Task A_call_its_owner_died_before_running_is_run_again_by_the_process_that_takes_the_partition_over()
    {
        string hub = AzureStorageTestBackend.NewHubName();
        await using var first = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1, hubName: hub);
        await using var second = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1, hubName: hub);
        await AzureTestInstances.CreateAsync(first.Backend, "handed", this.Timeout);
        OrchestrationWorkItem started = await BackendPolling.LockOrchestrationAsync(first.Backend, this.Timeout);
        string executionId = started.State!.ExecutionId;
        var scheduled = new TaskScheduledEvent(AzureTestInstances.Start, 0, "Work", "\"input\"");
        var call = new TaskMessage(MessageIds.Activity("handed", executionId, 0), "handed", executionId, scheduled);
        await first.Backend.CompleteOrchestrationWorkItemAsync(started, new OrchestrationCommit
        {
            NewEvents = [scheduled],
            NewState = started.State with { Status = OrchestrationRuntimeStatus.Running },
            ActivityMessages = [call],
        }, this.Timeout);

        // The call sits in the first process's memory, and only there: the queue never saw it, the in-flight row names the instance.
        Assert.Equal(0, (await new Serverless.Storage.Queues.QueueClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-workitems").GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Equal(["handed"], await this.InFlightAsync(hub));

        // The first process dies before running it: its lease lapses and the second takes the partition.
        await new BlobContainerClient(azurite.ConnectionString, hub.ToLowerInvariant() + "-leases").GetBlobClient("control-00").GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        Assert.Null(await second.Backend.LockNextOrchestrationWorkItemAsync(this.Timeout));
        Assert.Equal([0], second.AzureBackend.OwnedPartitions);

        ActivityWorkItem again = await BackendPolling.LockActivityAsync(second.Backend, this.Timeout);
        Assert.Equal(call.MessageId, again.Message.MessageId);
        Assert.Equal("\"input\"", Assert.IsType<TaskScheduledEvent>(again.Message.Event).Input);
        Assert.Equal(2, again.Message.DequeueCount);

        await second.Backend.CompleteActivityWorkItemAsync(again, new TaskMessage(MessageIds.ActivityResult(call.MessageId), "handed", executionId, new TaskCompletedEvent(AzureTestInstances.Start, 0, "\"done\"")), this.Timeout);
        OrchestrationWorkItem answered = await BackendPolling.LockOrchestrationAsync(second.Backend, this.Timeout);
        TaskCompletedEvent completed = Assert.IsType<TaskCompletedEvent>(Assert.Single(answered.Messages).Event);
        await second.Backend.CompleteOrchestrationWorkItemAsync(answered, new OrchestrationCommit
        {
            NewEvents = [completed],
            NewState = answered.State! with { Status = OrchestrationRuntimeStatus.Completed, Output = completed.Result },
        }, this.Timeout);

        // Nothing left under way: the in-flight row goes (after the commit, off its critical path).
        await second.WaitForIdleAsync(this.Timeout);
        Assert.Empty(await this.InFlightAsync(hub));
    }

    [Fact]
    public async Task The_in_flight_row_names_an_instance_only_while_one_of_its_calls_is_unanswered()
    {
        await using var test = new AzureStorageTestBackend(azurite, TimeProvider.System, configure: o => o.PartitionCount = 1);
        await AzureTestInstances.CreateAsync(test.Backend, "waits", this.Timeout);
        OrchestrationWorkItem started = await BackendPolling.LockOrchestrationAsync(test.Backend, this.Timeout);
        string executionId = started.State!.ExecutionId;
        var first = new TaskScheduledEvent(AzureTestInstances.Start, 0, "Work", null);
        var second = new TaskScheduledEvent(AzureTestInstances.Start, 1, "Work", null);
        await test.Backend.CompleteOrchestrationWorkItemAsync(started, new OrchestrationCommit
        {
            NewEvents = [first, second],
            NewState = started.State with { Status = OrchestrationRuntimeStatus.Running },
            ActivityMessages = [Call(executionId, first), Call(executionId, second)],
        }, this.Timeout);
        Assert.Equal(["waits"], await this.InFlightAsync(test.HubName));

        // One answer of two: the row stays.
        await this.AnswerOneAsync(test.Backend, executionId);
        await AfterBackgroundWorkAsync(test, this.Timeout);
        Assert.Equal(["waits"], await this.InFlightAsync(test.HubName));

        // Both answered and the instance now waits for an event: the row goes.
        await this.AnswerOneAsync(test.Backend, executionId);
        await test.WaitForIdleAsync(this.Timeout);
        Assert.Empty(await this.InFlightAsync(test.HubName));
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await test.Backend.GetStateAsync("waits", false, this.Timeout))!.Status);
    }

    private static TaskMessage Call(string executionId, TaskScheduledEvent scheduled) =>
        new(MessageIds.Activity("waits", executionId, scheduled.EventId), "waits", executionId, scheduled);

    private async Task AnswerOneAsync(IOrchestrationBackend backend, string executionId)
    {
        ActivityWorkItem call = await BackendPolling.LockActivityAsync(backend, this.Timeout);
        int id = ((TaskScheduledEvent)call.Message.Event).EventId;
        await backend.CompleteActivityWorkItemAsync(call, new TaskMessage(MessageIds.ActivityResult(call.Message.MessageId), "waits", executionId, new TaskCompletedEvent(AzureTestInstances.Start, id, null)), this.Timeout);
        OrchestrationWorkItem step = await BackendPolling.LockOrchestrationAsync(backend, this.Timeout);
        await backend.CompleteOrchestrationWorkItemAsync(step, new OrchestrationCommit
        {
            NewEvents = [.. step.Messages.Select(m => m.Event)],
            NewState = step.State,
        }, this.Timeout);
    }

    /// <summary>Waits until the backend's post-commit work is done (the other call still waits for a dispatcher, so the backend is not idle).</summary>
    private static async Task AfterBackgroundWorkAsync(AzureStorageTestBackend test, CancellationToken cancellationToken)
    {
        while (test.AzureBackend.HasBackgroundWork)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }

    private async Task<List<string>> InFlightAsync(string hub)
    {
        var index = new TableClient(azurite.ConnectionString, hub + "Index");
        var ids = new List<string>();
        await foreach (TableEntity row in index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"a-00"}"), cancellationToken: this.Timeout))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }
}
