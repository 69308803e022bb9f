using Microsoft.AspNetCore.Http;

namespace Serverless.Functions.Tests.Hosting;

/// <summary>Signals when a slow request has started, so a test can begin shutdown while it runs.</summary>
public sealed class SlowRequestGate
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class SlowFunctions(SlowRequestGate gate)
{
    [Function("Slow")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "slow")] HttpRequest request, CancellationToken cancellationToken)
    {
        gate.Started.TrySetResult();
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return Results.Ok(new { finished = true });
    }
}
