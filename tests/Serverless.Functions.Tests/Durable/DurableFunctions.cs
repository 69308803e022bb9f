using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Durable;
using Serverless.Durable.Client;

namespace Serverless.Functions.Tests.Durable;

public sealed record GreetingRequest(string Name, bool WaitForApproval, int ActivityMilliseconds = 0);

/// <summary>Records what activities saw, shared with the test through DI.</summary>
public sealed class ActivityLog
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Finished;

    public int Cancelled;

    /// <summary>When set, activities in this host take this long instead of what the request asked.</summary>
    public TimeSpan? Delay { get; init; }
}

public sealed class DurableFunctions(ActivityLog log)
{
    [Function("StartGreeting")]
    [Authorize(Roles = "csc-operator")]
    public async Task<IResult> Start(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "greetings")] HttpRequest request,
        [Microsoft.AspNetCore.Mvc.FromBody] GreetingRequest body,
        [DurableClient] DurableTaskClient client)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync("Greeting", body);
        return client.CreateCheckStatusResponse(request, instanceId);
    }

    [Function("Greeting")]
    public async Task<string> Greeting([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var request = context.GetInput<GreetingRequest>()!;
        context.SetCustomStatus(new { stage = "greeting" });
        var greeting = await context.CallActivityAsync<string>("SayHello", request);
        if (request.WaitForApproval)
        {
            var approver = await context.WaitForExternalEvent<string>("Approve");
            greeting += $", approved by {approver}";
        }

        return greeting;
    }

    [Function("SayHello")]
    public async Task<string> SayHello([ActivityTrigger] GreetingRequest request, TaskActivityContext activity, FunctionContext context)
    {
        log.Started.TrySetResult();
        try
        {
            await Task.Delay(log.Delay ?? TimeSpan.FromMilliseconds(request.ActivityMilliseconds), context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref log.Cancelled);
            throw;
        }

        Interlocked.Increment(ref log.Finished);
        return $"Hello {request.Name} from {activity.Name}";
    }
}
