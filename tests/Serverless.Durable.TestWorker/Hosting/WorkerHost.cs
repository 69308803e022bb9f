using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Durable.AzureStorage;
using Serverless.Durable.TestWorker.Recording;
using Serverless.Durable.TestWorker.Scenarios;
using Serverless.Durable.Worker;

namespace Serverless.Durable.TestWorker.Hosting;

/// <summary>Builds the worker through <c>AddDurableTask</c> on the task hub, runs it, and stops it gracefully on request.</summary>
public static class WorkerHost
{
    public static async Task<int> RunAsync(WorkerArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var logs = new StderrLoggerFactory();
        ExecutionRecorder recorder = ExecutionRecorder.Create(arguments.ConnectionString, arguments.RecordsTable, arguments.Name);
        await recorder.EnsureTableAsync(CancellationToken.None);

        await using AzureStorageOrchestrationBackend hub = TaskHubBackend.Create(arguments, logs);
        await hub.CreateIfNotExistsAsync(CancellationToken.None);

        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(logs);
        services.AddDurableTask(b => b
            .UseBackend(_ => new CompletionRecordingBackend(
                hub,
                recorder,
                ex => Console.Error.WriteLine($"RECORD FAILED {ex.GetType().Name}: {ex.Message}")))
            .AddTasks(r =>
            {
                CrashScenario.Register(r);
                TwoWorkerScenario.Register(r);
                Step.Register(r, context => recorder.RecordActivityAsync(context.InstanceId, context.ActivityId, CancellationToken.None), arguments.ActivityDelay);
            })
            .ConfigureWorker(o =>
            {
                o.MaxConcurrentOrchestrations = 4;
                o.MaxConcurrentActivities = 8;
                o.StopGracePeriod = TimeSpan.FromSeconds(5);
            }));
        await using ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        DurableTaskWorker worker = provider.GetRequiredService<DurableTaskWorker>();
        await worker.StartAsync(CancellationToken.None);
        Console.WriteLine(WorkerArguments.ReadyLine);
        using var stopping = new CancellationTokenSource();
        Task reporting = PartitionReporter.RunAsync(hub, stopping.Token);

        await WaitForStopRequestAsync();
        await worker.StopAsync(CancellationToken.None);
        await stopping.CancelAsync();
        await reporting;

        // Disposing the backend (after the worker) releases its leases, so the others take over at once.
        return 0;
    }

    /// <summary>Completes on SIGTERM, SIGINT or end of stdin (the parent closed it, or died).</summary>
    private static async Task WaitForStopRequestAsync()
    {
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        Task endOfInput = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is not null)
            {
            }
        });
        await Task.WhenAny(stop.Task, endOfInput);
    }
}
