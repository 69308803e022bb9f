using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class SubOrchestrationTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Sub_orchestration_with_an_explicit_instance_id_returns_its_output()
    {
        await using var host = await this.StartAsync(r => r
            .AddActivity<string, string>("Shout", (_, s) => Task.FromResult(s!.ToUpperInvariant()))
            .AddOrchestrator<string, string>("Child", async (ctx, s) => await ctx.CallActivityAsync<string>("Shout", s) + "!")
            .AddOrchestrator<string, string>("Parent", async (ctx, s) =>
                "parent got " + await ctx.CallSubOrchestratorAsync<string>("Child", s, new SubOrchestrationOptions("child-of-parent"))));

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent", "hello"));

        Assert.Equal("parent got HELLO!", done.ReadOutputAs<string>());
        var child = await host.Client.GetInstanceAsync("child-of-parent", getInputsAndOutputs: true);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child!.RuntimeStatus);
        Assert.Equal("Child", child.Name);
        Assert.Equal("hello", child.ReadInputAs<string>());
    }

    [Fact]
    public async Task Failed_sub_orchestration_throws_SubOrchestrationFailedException_with_details()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<string, string>("BadChild", (_, _) => throw new InvalidOperationException("bad child"))
            .AddOrchestrator<string, string>("Parent", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallSubOrchestratorAsync<string>("BadChild", options: new SubOrchestrationOptions("bad-child"));
                    return "no failure";
                }
                catch (SubOrchestrationFailedException ex)
                {
                    return $"{ex.TaskName}|{ex.FailureDetails.ErrorType}|{ex.FailureDetails.ErrorMessage}";
                }
            }));

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Parent"));

        Assert.Equal("BadChild|System.InvalidOperationException|bad child", done.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Failed, (await host.Client.GetInstanceAsync("bad-child"))!.RuntimeStatus);
    }

    [Fact]
    public async Task Sub_orchestrations_get_deterministic_ids_when_none_is_given()
    {
        await using var host = await this.StartAsync(r => r
            .AddOrchestrator<int, int>("Double", (_, x) => Task.FromResult(x * 2))
            .AddOrchestrator<string, int>("Sum", async (ctx, _) =>
            {
                int[] parts = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => ctx.CallSubOrchestratorAsync<int>("Double", i)));
                return parts.Sum();
            }));

        var done = await host.CompletionAsync(await host.Client.ScheduleNewOrchestrationInstanceAsync("Sum"));

        Assert.Equal(30, done.ReadOutputAs<int>());
        int children = 0;
        await foreach (var child in host.Client.GetAllInstancesAsync(new() { Name = "Double" }))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Completed, child.RuntimeStatus);
            children++;
        }

        Assert.Equal(5, children);
    }
}
