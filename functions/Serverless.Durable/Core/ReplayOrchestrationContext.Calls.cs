namespace Serverless.Durable.Core;

internal sealed partial class ReplayOrchestrationContext
{
    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string? serialized = this.converter.Serialize(input);
        string? result = await this.WithRetry(options?.Retry?.Policy, () =>
        {
            int id = this.NextSequence();
            return this.Schedule(new ScheduleTaskAction(id, name, serialized), name, isSubOrchestration: false);
        });
        return this.DeserializeResult<TResult>(result);
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string orchestratorName, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        string? serialized = this.converter.Serialize(input);
        string instanceId = (options as SubOrchestrationOptions)?.InstanceId ?? this.NewGuid().ToString("N");
        string? result = await this.WithRetry(options?.Retry?.Policy, () =>
        {
            int id = this.NextSequence();
            return this.Schedule(new CreateSubOrchestrationAction(id, orchestratorName, instanceId, serialized), orchestratorName, isSubOrchestration: true);
        });
        return this.DeserializeResult<TResult>(result);
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        var at = new DateTimeOffset(fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc));
        int id = this.NextSequence();
        Task<string?> fired = this.Schedule(new CreateTimerAction(id, at), "timer", isSubOrchestration: false);
        if (cancellationToken.CanBeCanceled)
        {
            // Cancellation is raised by orchestrator code, so it happens at the same point on every replay.
            var source = this.openTasks[id].Source;
            cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        }

        return fired;
    }

    private async Task<string?> WithRetry(RetryPolicy? policy, Func<Task<string?>> attempt)
    {
        if (policy is null)
        {
            return await attempt();
        }

        DateTime firstAttemptAt = this.CurrentUtcDateTime;
        for (int number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException failure) when (this.ShouldRetry(policy, number, failure, firstAttemptAt))
            {
                // Retried below, after a durable back-off timer.
            }

            await this.CreateTimer(policy.GetDelay(number), CancellationToken.None);
        }
    }

    private bool ShouldRetry(RetryPolicy policy, int attempt, TaskFailedException failure, DateTime firstAttemptAt)
    {
        if (attempt >= policy.MaxNumberOfAttempts || !policy.HandleFailure(failure.FailureDetails))
        {
            return false;
        }

        return policy.RetryTimeout == Timeout.InfiniteTimeSpan ||
            this.CurrentUtcDateTime + policy.GetDelay(attempt) < firstAttemptAt + policy.RetryTimeout;
    }
}
