using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class ReplayTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Changing_the_sequence_of_calls_fails_with_an_error_naming_the_recorded_and_the_new_call()
    {
        string version = "v1";
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("ReserveSeat", (_, _) => Task.FromResult("seat"))
            .AddActivity<string, string>("ChargeCard", (_, _) => Task.FromResult("charged"))
            .AddOrchestrator<string, string>("Booking", async (ctx, _) =>
            {
                // Simulates a deployment that reordered the calls while an instance was waiting.
                string first = await ctx.CallActivityAsync<string>(version == "v1" ? "ReserveSeat" : "ChargeCard");
                await ctx.WaitForExternalEvent<string>("confirm");
                return first;
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Booking");
        await host.WaitForIdleAsync();
        version = "v2";
        await host.Client.RaiseEventAsync(id, "confirm");
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, done.FailureDetails!.ErrorType);
        Assert.Contains("CallActivity('ReserveSeat')", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CallActivity('ChargeCard')", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dropping_a_recorded_call_fails_with_an_error_naming_it()
    {
        bool skipTimer = false;
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, string>("Sleeper", async (ctx, _) =>
            {
                if (!skipTimer)
                {
                    await ctx.CreateTimer(TimeSpan.FromMinutes(1), CancellationToken.None);
                }

                return await ctx.WaitForExternalEvent<string>("wake");
            }));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Sleeper");
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        skipTimer = true;
        await host.Client.RaiseEventAsync(id, "wake", "up");
        var done = await host.CompletionAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Contains("call #0 as CreateTimer", done.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("made no call #0", done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_that_cannot_be_serialized_fails_the_orchestration_instead_of_retrying_it()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, Type>("ReturnsAType", (_, _) => Task.FromResult(typeof(string))));

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("ReturnsAType"));

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(NotSupportedException).FullName, done.FailureDetails!.ErrorType);
        Assert.Empty(await host.TestBackend.GetPoisonMessagesAsync(host.Timeout));
    }
}
