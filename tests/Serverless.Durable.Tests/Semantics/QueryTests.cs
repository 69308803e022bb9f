using Serverless.Durable.Client;
using Serverless.Durable.Tests.Support;

namespace Serverless.Durable.Tests.Semantics;

public abstract class QueryTests(ITestOutputHelper output) : DurableTestBase(output)
{
    [Fact]
    public async Task Queries_filter_by_status_created_range_prefix_and_name()
    {
        await using var host = await this.StartAsync(Register);
        (DateTimeOffset start, _) = await Seed(host);

        Assert.Equal(["order-1", "order-2", "order-3", "order-4", "order-5"], await Ids(host, new() { InstanceIdPrefix = "order-" }));
        Assert.Equal(["invoice-1", "invoice-2", "invoice-3"], await Ids(host, new() { Statuses = [OrchestrationRuntimeStatus.Running] }));
        Assert.Equal(["invoice-1", "invoice-2", "invoice-3"], await Ids(host, new() { Name = "invoice" }));
        Assert.Equal(
            ["invoice-1", "order-3", "order-4", "order-5"],
            await Ids(host, new() { CreatedFrom = start.AddMinutes(2), CreatedTo = start.AddMinutes(5) }));
        Assert.Equal(
            ["order-4", "order-5"],
            await Ids(host, new() { InstanceIdPrefix = "order-", Statuses = [OrchestrationRuntimeStatus.Completed], CreatedFrom = start.AddMinutes(3) }));
        Assert.Empty(await Ids(host, new() { InstanceIdPrefix = "zzz" }));
    }

    [Fact]
    public async Task Queries_page_with_continuation_tokens_without_gaps_or_repeats()
    {
        await using var host = await this.StartAsync(Register);
        (_, string[] all) = await Seed(host);

        var pages = new List<Page<OrchestrationMetadata>>();
        await foreach (var page in host.Client.GetAllInstancesAsync(new() { PageSize = 3 }).AsPages(cancellationToken: host.Timeout))
        {
            pages.Add(page);
        }

        Assert.Equal([3, 3, 2], pages.Select(p => p.Values.Count));
        Assert.All(pages.SkipLast(1), p => Assert.NotNull(p.ContinuationToken));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.Equal(all.Order(StringComparer.Ordinal), pages.SelectMany(p => p.Values).Select(m => m.InstanceId));

        // A token taken from one page resumes there, even in a new query.
        var resumed = host.Client.GetAllInstancesAsync(new() { PageSize = 3, ContinuationToken = pages[0].ContinuationToken });
        var rest = new List<string>();
        await foreach (var m in resumed)
        {
            rest.Add(m.InstanceId);
        }

        Assert.Equal(pages.Skip(1).SelectMany(p => p.Values).Select(m => m.InstanceId), rest);
    }

    [Fact]
    public async Task Queries_return_inputs_and_outputs_only_when_asked()
    {
        await using var host = await this.StartAsync(Register);
        await Seed(host);

        var bare = await First(host, new() { InstanceIdPrefix = "order-1" });
        var full = await First(host, new() { InstanceIdPrefix = "order-1", FetchInputsAndOutputs = true });

        Assert.Null(bare.SerializedInput);
        Assert.Null(bare.SerializedOutput);
        Assert.Equal("order-1", full.ReadInputAs<string>());
        Assert.Equal("done order-1", full.ReadOutputAs<string>());
    }

    private static void Register(DurableTaskRegistry r) => r
        .AddOrchestrator<string, string>("Order", (_, x) => Task.FromResult("done " + x))
        .AddOrchestrator<string, string>("Invoice", async (ctx, _) => await ctx.WaitForExternalEvent<string>("paid"));

    /// <summary>Creates order-1..5 (completed) and invoice-1..3 (running), one a minute, interleaved.</summary>
    private static async Task<(DateTimeOffset Start, string[] Ids)> Seed(DurableTestHost host)
    {
        DateTimeOffset start = host.Clock.GetUtcNow();
        string[] ids = ["order-1", "order-2", "order-3", "invoice-1", "order-4", "order-5", "invoice-2", "invoice-3"];
        foreach (string id in ids)
        {
            await host.Client.ScheduleNewOrchestrationInstanceAsync(id.StartsWith("order", StringComparison.Ordinal) ? "Order" : "Invoice", id, new(id));
            await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        }

        return (start, ids);
    }

    private static async Task<List<string>> Ids(DurableTestHost host, OrchestrationQuery query)
    {
        var ids = new List<string>();
        await foreach (var m in host.Client.GetAllInstancesAsync(query with { PageSize = 2 }))
        {
            ids.Add(m.InstanceId);
        }

        return ids;
    }

    private static async Task<OrchestrationMetadata> First(DurableTestHost host, OrchestrationQuery query)
    {
        await foreach (var m in host.Client.GetAllInstancesAsync(query))
        {
            return m;
        }

        throw new InvalidOperationException("No instance matched.");
    }
}
