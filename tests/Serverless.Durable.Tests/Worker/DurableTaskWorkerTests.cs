using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Durable.History;
using Serverless.Durable.InMemory;
using Serverless.Durable.Tests.InMemory;
using Serverless.Durable.Tests.Support;
using Serverless.Durable.Worker;

namespace Serverless.Durable.Tests.Worker;

public sealed class DurableTaskWorkerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Stopping_lets_a_running_activity_finish_and_report_its_result()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new ManualTimeProvider();
        await using var host = await DurableTestHost.StartAsync(new InMemoryTestBackend(clock), clock, new TestLog(output), r => r
            .AddActivity<string, string>("Slow", async (_, _) =>
            {
                started.SetResult();
                await release.Task;
                return "finished";
            })
            .AddOrchestrator<string, string>("CallsSlow", async (ctx, _) => await ctx.CallActivityAsync<string>("Slow")));

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync("CallsSlow");
        await started.Task.WaitAsync(host.Timeout);
        Task stopping = host.Worker.StopAsync(CancellationToken.None);
        Assert.False(stopping.IsCompleted);

        release.SetResult();
        await stopping.WaitAsync(host.Timeout);

        var history = await host.HistoryAsync(id);
        Assert.Empty(history.OfType<TaskCompletedEvent>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(id))!.RuntimeStatus);
        Assert.True(host.Log.Contains(3, "stopped"));

        // The result was delivered before the worker stopped; the next worker applies it.
        var next = new DurableTaskWorker(
            host.Backend,
            new DurableTaskRegistry().AddOrchestrator<string, string>("CallsSlow", async (ctx, _) => await ctx.CallActivityAsync<string>("Slow")),
            Options.Create(new DurableTaskWorkerOptions()),
            JsonDataConverter.Default,
            clock,
            host.Log);
        await next.StartAsync(CancellationToken.None);
        Assert.Equal("finished", (await host.CompletionAsync(id)).ReadOutputAs<string>());
        await next.DisposeAsync();
    }

    [Fact]
    public async Task An_activity_still_running_after_the_grace_period_is_abandoned_for_redelivery()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clock = new ManualTimeProvider();
        var backend = new InMemoryTestBackend(clock);
        await using var host = await DurableTestHost.StartAsync(
            backend,
            clock,
            new TestLog(output),
            r => r
                .AddActivity<string, string>("Hangs", async (_, _) =>
                {
                    started.TrySetResult();
                    await Task.Delay(Timeout.Infinite, CancellationToken.None);
                    return "never";
                })
                .AddOrchestrator<string, string>("CallsHangs", async (ctx, _) => await ctx.CallActivityAsync<string>("Hangs")),
            o => o.StopGracePeriod = TimeSpan.FromSeconds(10));

        await host.Client.ScheduleNewOrchestrationInstanceAsync("CallsHangs");
        await started.Task.WaitAsync(host.Timeout);
        Task stopping = host.Worker.StopAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(host.Timeout);

        Assert.True(host.Log.Contains(43, "Hangs"));
        var redelivered = await BackendPolling.LockActivityAsync(host.Backend, host.Timeout);
        Assert.Equal(2, redelivered.Message.DequeueCount);
    }

    [Fact]
    public async Task Several_workers_on_one_backend_serialise_each_instance_and_lose_or_duplicate_nothing()
    {
        var clock = new ManualTimeProvider();
        var log = new TestLog(output);
        var backend = new InMemoryOrchestrationBackend(clock);
        DurableTaskRegistry Registry() => new DurableTaskRegistry()
            .AddActivity<int, int>("Add", (_, x) => Task.FromResult(x + 1))
            .AddOrchestrator<int, int>("FiveSteps", async (ctx, x) =>
            {
                for (int i = 0; i < 5; i++)
                {
                    x = await ctx.CallActivityAsync<int>("Add", x);
                }

                return x;
            });
        var options = Options.Create(new DurableTaskWorkerOptions { MaxConcurrentOrchestrations = 3, MaxConcurrentActivities = 3 });
        DurableTaskWorker[] workers = [.. Enumerable.Range(0, 3).Select(_ => new DurableTaskWorker(backend, Registry(), options, JsonDataConverter.Default, clock, log))];
        var client = new Client.BackendDurableTaskClient(backend, JsonDataConverter.Default, clock, log);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        foreach (var worker in workers)
        {
            await worker.StartAsync(CancellationToken.None);
        }

        string[] ids = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => client.ScheduleNewOrchestrationInstanceAsync("FiveSteps", i, new($"many-{i}"))));
        foreach (string id in ids)
        {
            var done = await client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
            Assert.Equal(int.Parse(id["many-".Length..], System.Globalization.CultureInfo.InvariantCulture) + 5, done.ReadOutputAs<int>());
            var history = await backend.GetHistoryAsync(id, timeout.Token);
            Assert.Equal(5, history.OfType<TaskScheduledEvent>().Count());
            Assert.Equal(5, history.OfType<TaskCompletedEvent>().Count());
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }

    [Fact]
    public void Invalid_worker_options_fail_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddDurableTask(b => b.UseInMemory().ConfigureWorker(o => o.MaxConcurrentActivities = 0));
        using ServiceProvider provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<DurableTaskWorker>());
        Assert.Contains("MaxConcurrentActivities", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddDurableTask_registers_a_working_engine_on_the_in_memory_backend()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new ManualTimeProvider());
        services.AddDurableTask(b => b
            .UseInMemory()
            .AddTasks(r => r.AddOrchestrator<int, int>("Inc", (_, x) => Task.FromResult(x + 1))));
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var hosted = provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single();
        await hosted.StartAsync(CancellationToken.None);

        var client = provider.GetRequiredService<Client.DurableTaskClient>();
        string id = await client.ScheduleNewOrchestrationInstanceAsync("Inc", 41);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(42, (await client.WaitForInstanceCompletionAsync(id, true, timeout.Token)).ReadOutputAs<int>());
        await hosted.StopAsync(CancellationToken.None);
    }
}
