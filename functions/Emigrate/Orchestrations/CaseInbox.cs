using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>
/// The case events one orchestration instance reads: events handed back by a phase that ended before it read
/// them come first, then events raised on the instance. Every wait races a deadline.
/// </summary>
internal sealed class CaseInbox(TaskOrchestrationContext context)
{
    private readonly Queue<CaseEvent> held = new();

    /// <summary>The highest forwarding number taken (0 when none): what a phase reports back to the case.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Puts events back in front of the next reads, in their order.</summary>
    public void HoldBack(IEnumerable<CaseEvent> events)
    {
        foreach (CaseEvent e in events)
        {
            this.held.Enqueue(e);
        }
    }

    /// <summary>
    /// The next event of one of <paramref name="kinds"/> (withdrawal always counts), or <see langword="null"/> when
    /// <paramref name="deadline"/> passes first. Events of other kinds are stale (sent before a stage change the
    /// sender could not yet see) and are dropped.
    /// </summary>
    public async Task<CaseEvent?> NextAsync(DateTimeOffset deadline, params CaseEventKind[] kinds)
    {
        while (true)
        {
            // Held events arrived before the phase that missed them ended, so before any deadline still running.
            CaseEvent? received = this.held.TryDequeue(out CaseEvent? early)
                ? early
                : await this.RaceAsync(token => context.CreateTimer(deadline.UtcDateTime, token));
            if (received is null || received.Kind == CaseEventKind.Withdraw || kinds.Contains(received.Kind))
            {
                return received;
            }
        }
    }

    /// <summary>The next event, or <see langword="null"/> once <paramref name="phase"/> has completed.</summary>
    public async Task<CaseEvent?> NextUntilAsync(Task phase) =>
        this.held.TryDequeue(out CaseEvent? early) ? early : await this.RaceAsync(_ => phase);

    private async Task<CaseEvent?> RaceAsync(Func<CancellationToken, Task> start)
    {
        using var race = new CancellationTokenSource();
        Task other = start(race.Token);
        try
        {
            while (true)
            {
                Task<CaseEvent> received = context.WaitForExternalEvent<CaseEvent>(CaseEvents.Name, race.Token);
                if (await Task.WhenAny(received, other) != received)
                {
                    return null;
                }

                CaseEvent caseEvent = await received;

                // A forwarding that ran twice delivers the same number twice: take it once.
                if (caseEvent.Sequence is not { } number || number > this.LastSequence)
                {
                    this.LastSequence = Math.Max(this.LastSequence, caseEvent.Sequence ?? 0);
                    return caseEvent;
                }
            }
        }
        finally
        {
            // Cancel synchronously: CancelAsync would resume off the replaying thread (as the engine's own race does).
#pragma warning disable CA1849
            race.Cancel();
#pragma warning restore CA1849
        }
    }
}
