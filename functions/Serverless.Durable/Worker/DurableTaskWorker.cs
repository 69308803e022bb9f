using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Durable.Backend;
using Serverless.Durable.Core;

namespace Serverless.Durable.Worker;

/// <summary>Runs orchestrations and activities from a backend: a bounded number of dispatchers of each kind.</summary>
/// <remarks>
/// Any number of workers (in any number of processes) may serve one backend: the backend serialises work per
/// instance. Stopping lets running activities finish within <see cref="DurableTaskWorkerOptions.StopGracePeriod"/>
/// and abandons the rest for redelivery.
/// </remarks>
public sealed partial class DurableTaskWorker : IHostedService, IAsyncDisposable
{
    private readonly IOrchestrationBackend backend;
    private readonly DurableTaskRegistry registry;
    private readonly DataConverter converter;
    private readonly TimeProvider timeProvider;
    private readonly DurableTaskWorkerOptions options;
    private readonly OrchestrationStepRunner runner;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource aborting = new();
    private readonly List<Task> dispatchers = [];
    private int started;

    /// <summary>Creates a worker.</summary>
    /// <param name="backend">Where instances and messages are.</param>
    /// <param name="registry">The orchestrators and activities this worker runs.</param>
    /// <param name="options">Concurrency, poison and stop settings.</param>
    /// <param name="converter">The data converter.</param>
    /// <param name="timeProvider">The clock: step timestamps, back-offs and the stop grace period.</param>
    /// <param name="loggerFactory">The logger factory (also behind replay-safe loggers).</param>
    public DurableTaskWorker(IOrchestrationBackend backend, DurableTaskRegistry registry, IOptions<DurableTaskWorkerOptions> options, DataConverter converter, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(converter);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        IReadOnlyList<string> problems = options.Value.Validate();
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(nameof(DurableTaskWorkerOptions), typeof(DurableTaskWorkerOptions), problems);
        }

        this.backend = backend;
        this.registry = registry;
        this.converter = converter;
        this.timeProvider = timeProvider;
        this.options = options.Value;
        this.logger = loggerFactory.CreateLogger<DurableTaskWorker>();
        this.runner = new OrchestrationStepRunner(registry, converter, loggerFactory, timeProvider, this.options, backend.MaxMessageDelay);
    }

    /// <summary>Starts the dispatchers; returns at once.</summary>
    /// <param name="cancellationToken">Not used: starting does not wait.</param>
    /// <returns>A completed task.</returns>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref this.started, 1) == 1)
        {
            throw new InvalidOperationException("The worker has already been started.");
        }

        // Everything the dispatchers do (and the backend work they start) is background work: its storage requests
        // give way to the ones callers wait on (see BackgroundStorageTraffic).
        using (Serverless.Storage.BackgroundStorageTraffic.Begin())
        {
            for (int i = 0; i < this.options.MaxConcurrentOrchestrations; i++)
            {
                this.dispatchers.Add(Task.Run(() => this.DispatchOrchestrationsAsync(this.stopping.Token), CancellationToken.None));
            }

            for (int i = 0; i < this.options.MaxConcurrentActivities; i++)
            {
                this.dispatchers.Add(Task.Run(() => this.DispatchActivitiesAsync(this.stopping.Token, this.aborting.Token), CancellationToken.None));
            }
        }

        Log.WorkerStarted(this.logger, this.options.MaxConcurrentOrchestrations, this.options.MaxConcurrentActivities);
        return Task.CompletedTask;
    }

    /// <summary>Stops taking work, lets running activities finish within the grace period, then abandons what is left.</summary>
    /// <param name="cancellationToken">Ends the grace period early.</param>
    /// <returns>Completes when every dispatcher has stopped.</returns>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (this.started == 0 || this.stopping.IsCancellationRequested)
        {
            await Task.WhenAll(this.dispatchers);
            return;
        }

        Log.WorkerStopping(this.logger, this.options.StopGracePeriod);
        // Cancel synchronously so the grace period starts now, on the caller's clock reading (CancelAsync would defer it).
#pragma warning disable CA1849
        this.stopping.Cancel();
#pragma warning restore CA1849
        Task all = Task.WhenAll(this.dispatchers);
        try
        {
            await all.WaitAsync(this.options.StopGracePeriod, this.timeProvider, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            await this.aborting.CancelAsync();
            await all;
        }

        Log.WorkerStopped(this.logger);
    }

    /// <summary>Stops the worker (with the grace period) and releases its resources.</summary>
    /// <returns>Completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await this.StopAsync(CancellationToken.None);
        this.stopping.Dispose();
        this.aborting.Dispose();
    }

    private async Task BackOffAsync(string dispatcher, Exception exception, CancellationToken cancellationToken)
    {
        Log.DispatcherError(this.logger, dispatcher, exception);
        try
        {
            await Task.Delay(this.options.ErrorBackoff, this.timeProvider, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
