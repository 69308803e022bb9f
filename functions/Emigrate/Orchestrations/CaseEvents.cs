using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>Waiting for a case's next event, raced against its deadline.</summary>
public static class CaseEvents
{
    /// <summary>The external event name every case orchestration waits on.</summary>
    public const string Name = "CaseEvent";

    /// <summary>
    /// The next event of one of <paramref name="kinds"/> (withdrawal always counts), or <see langword="null"/> when
    /// <paramref name="deadline"/> passes first. Events of other kinds are stale (sent before a stage change the
    /// sender could not yet see) and are dropped.
    /// </summary>
    public static async Task<CaseEvent?> NextAsync(TaskOrchestrationContext context, DateTimeOffset deadline, params CaseEventKind[] kinds)
    {
        while (true)
        {
            CaseEvent? received = await NextAnyAsync(context, deadline);
            if (received is null || received.Kind == CaseEventKind.Withdraw || kinds.Contains(received.Kind))
            {
                return received;
            }
        }
    }

    private static async Task<CaseEvent?> NextAnyAsync(TaskOrchestrationContext context, DateTimeOffset deadline)
    {
        using var race = new CancellationTokenSource();
        Task<CaseEvent> received = context.WaitForExternalEvent<CaseEvent>(Name, race.Token);
        Task timer = context.CreateTimer(deadline.UtcDateTime, race.Token);
        Task winner = await Task.WhenAny(received, timer);

        // Cancel synchronously: CancelAsync would resume off the replaying thread (as the engine's own race does).
#pragma warning disable CA1849
        race.Cancel();
#pragma warning restore CA1849
        return winner == received ? await received : null;
    }
}
