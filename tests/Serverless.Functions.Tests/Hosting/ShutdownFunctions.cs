using Microsoft.AspNetCore.Http;

namespace Serverless.Functions.Tests.Hosting;

/// <summary>Holds a slow request in flight: signals when it has started and lets it finish only when the test says so.</summary>
public sealed class SlowRequestGate
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Released { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

public sealed class SlowFunctions(SlowRequestGate gate)
{
    [Function("Slow")]
    public async Task<IResult> Run([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "slow")] HttpRequest request, CancellationToken cancellationToken)
    {
        gate.Started.TrySetResult();
        await gate.Released.Task.WaitAsync(cancellationToken);
        return Results.Ok(new { finished = true });
    }
}
