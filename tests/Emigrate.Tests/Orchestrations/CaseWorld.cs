using System.Collections.Concurrent;
using Emigrate.Activities;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable;
using Serverless.Durable.Client;
using Serverless.Durable.InMemory;
using Serverless.Durable.Worker;

namespace Emigrate.Tests.Orchestrations;

/// <summary>
/// The case orchestrations on the in-memory engine with a manual clock, and recording doubles of the activities:
/// what the orchestrations asked for is what the tests assert on.
/// </summary>
public sealed class CaseWorld : IAsyncDisposable
{
    public const string CaseId = "EM0000000001";

    private readonly ServiceProvider services;
    private readonly InMemoryOrchestrationBackend backend;
    private readonly CancellationTokenSource timeout = new(TimeSpan.FromSeconds(60));

    private CaseWorld(ServiceProvider services, ManualTimeProvider clock)
    {
        this.services = services;
        this.Clock = clock;
        this.backend = services.GetRequiredService<InMemoryOrchestrationBackend>();
        this.Client = services.GetRequiredService<DurableTaskClient>();
    }

    public static DateTimeOffset Start { get; } = new(2026, 1, 5, 4, 0, 0, TimeSpan.Zero);

    public ManualTimeProvider Clock { get; }

    public DurableTaskClient Client { get; }

    public ConcurrentQueue<StageChange> Stages { get; } = new();

    public ConcurrentQueue<ReminderRequest> Reminders { get; } = new();

    public ConcurrentQueue<ReminderCancellation> Cancelled { get; } = new();

    public ConcurrentQueue<CaseSms> Sms { get; } = new();

    public ConcurrentQueue<ReopenDocuments> Reopened { get; } = new();

    public ConcurrentQueue<ForwardedEvent> Forwarded { get; } = new();

    /// <summary>What the documents table would say; tests change it before raising the event that announces it.</summary>
    public DocumentsStatus Documents { get; set; } = new(false, [], 0);

    public CaseStage Stage => this.Stages.Last().Stage;

    public string EventTarget => this.Stages.LastOrDefault()?.EventTarget ?? CaseId;

    private Pause? pause;
    private int statusReads;

    /// <summary>How often a documents phase read the documents table.</summary>
    public int StatusReads => Volatile.Read(ref this.statusReads);

    /// <summary>
    /// Holds the next activity whose input matches until <see cref="Pause.Release"/>: the case stands still at that
    /// exact moment while a test raises events. Do not wait for idle while paused (the held activity is busy).
    /// </summary>
    public Pause PauseAt(Func<object, bool> when)
    {
        var next = new Pause(when, this.timeout.Token);
        this.pause = next;
        return next;
    }

    public IReadOnlyList<CaseStage> StagePath => this.Stages.Select(s => s.Stage).ToList();

    public static async Task<CaseWorld> StartAsync()
    {
        var collection = new ServiceCollection();
        CaseWorld? world = null;
        var clock = new ManualTimeProvider(Start);
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddDurableTask(b => b
            .UseInMemory()
            .AddTasks(r => r
                .AddOrchestrator<CaseStart, CaseStage>(CaseOrchestration.Name, (c, i) => CaseOrchestration.RunAsync(c, i!))
                .AddOrchestrator<DocumentsInput, PhaseOutcome>(DocumentsOrchestration.Name, (c, i) => DocumentsOrchestration.RunAsync(c, i!))
                .AddOrchestrator<MedicalInput, PhaseOutcome>(MedicalOrchestration.Name, (c, i) => MedicalOrchestration.RunAsync(c, i!))
                .AddActivity<StageChange>(CaseActivityNames.RecordStage, (_, x) => world!.RecordAsync(world.Stages, x!))
                .AddActivity<string, DocumentsStatus>(CaseActivityNames.GetDocumentsStatus, async (_, x) =>
                {
                    // Read, then pause: a test can change the table after the phase has read it.
                    DocumentsStatus read = world!.Documents;
                    Interlocked.Increment(ref world.statusReads);
                    await world.PauseIfAsync(new StatusRead(x!));
                    return read;
                })
                .AddActivity<ReopenDocuments>(CaseActivityNames.ReopenDocuments, (_, x) => world!.RecordAsync(world.Reopened, x!))
                .AddActivity<ReminderRequest>(CaseActivityNames.ScheduleReminder, (_, x) => world!.RecordAsync(world.Reminders, x!))
                .AddActivity<ReminderCancellation>(CaseActivityNames.CancelReminders, (_, x) => world!.RecordAsync(world.Cancelled, x!))
                .AddActivity<CaseSms>(CaseActivityNames.SendSms, (_, x) => world!.RecordAsync(world.Sms, x!))
                .AddActivity<ForwardedEvent>(CaseActivityNames.ForwardEvent, async (_, x) =>
                {
                    await world!.PauseIfAsync(x!);
                    await CaseEventForwarding.ForwardAsync(world.Client, x!, CancellationToken.None);
                    world.Forwarded.Enqueue(x!);
                }))
            .ConfigureWorker(o =>
            {
                o.MaxConcurrentOrchestrations = 2;
                o.MaxConcurrentActivities = 2;
            }));
        ServiceProvider services = collection.BuildServiceProvider();
        world = new CaseWorld(services, clock);
        await services.GetRequiredService<DurableTaskWorker>().StartAsync(CancellationToken.None);
        return world;
    }

    /// <summary>Registers the case now: documents due in 30 days, clearance due in 200.</summary>
    public async Task RegisterAsync(TimeSpan? clearanceDue = null)
    {
        await this.StartCaseAsync(clearanceDue);
        await this.IdleAsync();
    }

    /// <summary>Starts the case's orchestration without waiting for it to settle.</summary>
    public async Task StartCaseAsync(TimeSpan? clearanceDue = null)
    {
        var start = new CaseStart(CaseId, Start, Start.AddDays(30), Start + (clearanceDue ?? TimeSpan.FromDays(200)));
        await this.Client.ScheduleNewOrchestrationInstanceAsync(CaseOrchestration.Name, start, new StartOrchestrationOptions(CaseId), this.timeout.Token);
    }

    /// <summary>Raises the event where the portal would: the instance the case row names.</summary>
    public async Task RaiseAsync(CaseEvent caseEvent)
    {
        await this.RaiseNowAsync(caseEvent);
        await this.IdleAsync();
    }

    /// <summary>Raises the event where the portal would, without waiting for the case to settle.</summary>
    public Task RaiseNowAsync(CaseEvent caseEvent) =>
        this.Client.RaiseEventAsync(this.EventTarget, CaseEvents.Name, caseEvent, this.timeout.Token);

    public Task IdleAsync() => this.backend.WaitForIdleAsync(this.timeout.Token);

    public async Task AdvanceAsync(TimeSpan delta)
    {
        await this.IdleAsync();
        this.Clock.Advance(delta);
        await this.IdleAsync();
    }

    public async Task<OrchestrationMetadata> CompletionAsync() =>
        await this.Client.WaitForInstanceCompletionAsync(CaseId, getInputsAndOutputs: true, this.timeout.Token);

    // Steps a case through documents (approved at once) and a fit medical.
    public async Task ToMedicalFitAsync()
    {
        await this.RegisterAsync();
        this.Documents = new DocumentsStatus(true, [], 0);
        await this.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.BookAsync();
        await this.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = Emigrate.Domain.Medical.MedicalResult.Fit, CertificateRef = "CERT-1" });
    }

    public Task BookAsync() => this.RaiseAsync(new CaseEvent(CaseEventKind.MedicalBooked)
    {
        CentreId = "mc-mumbai-1",
        Date = DateOnly.FromDateTime(this.Clock.GetUtcNow().UtcDateTime).AddDays(3),
        AppointmentAt = this.Clock.GetUtcNow().AddDays(3),
    });

    public async Task ToInsuredAsync()
    {
        await this.ToMedicalFitAsync();
        await this.RaiseAsync(new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = "ins-1", Years = 2 });
        await this.RaiseAsync(new CaseEvent(CaseEventKind.PolicyIssued) { PolicyNumber = "POL-1" });
    }

    public async Task ToSubmittedAsync()
    {
        await this.ToInsuredAsync();
        await this.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "ARN-1" });
    }

    public async ValueTask DisposeAsync()
    {
        await this.services.GetRequiredService<DurableTaskWorker>().StopAsync(CancellationToken.None);
        await this.services.DisposeAsync();
        this.timeout.Dispose();
    }

    private async Task RecordAsync<T>(ConcurrentQueue<T> into, T item)
        where T : notnull
    {
        await this.PauseIfAsync(item);
        into.Enqueue(item);
    }

    private async Task PauseIfAsync(object input)
    {
        if (this.pause is { } held && held.Matches(input) && Interlocked.CompareExchange(ref this.pause, null, held) == held)
        {
            await held.HoldAsync();
        }
    }

    /// <summary>A documents phase reading the table of <paramref name="CaseId"/> (what a pause matches on).</summary>
    public sealed record StatusRead(string CaseId);

    /// <summary>One held activity: <see cref="Reached"/> completes when it is held; <see cref="Release"/> lets it go on.</summary>
    public sealed class Pause(Func<object, bool> when, CancellationToken timeout)
    {
        private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => this.reached.Task.WaitAsync(timeout);

        public void Release() => this.released.TrySetResult();

        internal bool Matches(object input) => when(input);

        internal async Task HoldAsync()
        {
            this.reached.TrySetResult();
            await this.released.Task.WaitAsync(timeout);
        }
    }
}
