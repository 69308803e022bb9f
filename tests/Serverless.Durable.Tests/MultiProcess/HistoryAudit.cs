using Serverless.Durable.History;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>
/// Checks that a finished history is complete and duplicate-free: one start, one completion at the end, every
/// scheduled call completed exactly once after it was scheduled, nothing completed that was not scheduled.
/// </summary>
/// <remarks>Returns the problems rather than asserting, so one failure message lists every broken instance.</remarks>
public static class HistoryAudit
{
    public static IReadOnlyList<string> Check(string instanceId, IReadOnlyList<HistoryEvent> history, HistoryExpectation expected)
    {
        var problems = new List<string>();
        void Problem(string text) => problems.Add($"{instanceId}: {text}");

        CheckExecutionEvents(history, Problem);
        var scheduledAt = new Dictionary<int, (SchedulingEvent Event, int Index)>();
        var completed = new HashSet<int>();
        for (int i = 0; i < history.Count; i++)
        {
            switch (history[i])
            {
                case SchedulingEvent scheduling when !scheduledAt.TryAdd(scheduling.EventId, (scheduling, i)):
                    Problem($"event id {scheduling.EventId} scheduled twice ({scheduling.GetType().Name} at {i})");
                    break;
                case CompletionEvent completion:
                    CheckCompletion(completion, i, scheduledAt, completed, Problem);
                    break;
            }
        }

        foreach ((int id, (SchedulingEvent scheduling, _)) in scheduledAt)
        {
            if (!completed.Contains(id))
            {
                Problem($"{scheduling.GetType().Name} {id} never completed");
            }
        }

        CheckCounts(history, expected, Problem);
        return problems;
    }

    private static void CheckExecutionEvents(IReadOnlyList<HistoryEvent> history, Action<string> problem)
    {
        int starts = history.Count(e => e is ExecutionStartedEvent);
        int completions = history.Count(e => e is ExecutionCompletedEvent);
        if (starts != 1)
        {
            problem($"{starts} ExecutionStarted events");
        }

        if (completions != 1)
        {
            problem($"{completions} ExecutionCompleted events");
        }

        if (history.Count == 0 || history[^1] is not ExecutionCompletedEvent last)
        {
            problem($"history does not end with ExecutionCompleted (last: {history.LastOrDefault()?.GetType().Name ?? "none"})");
        }
        else if (last.Status != OrchestrationRuntimeStatus.Completed)
        {
            problem($"ended {last.Status}: {last.FailureDetails?.ErrorMessage}");
        }
    }

    private static void CheckCompletion(CompletionEvent completion, int index, Dictionary<int, (SchedulingEvent Event, int Index)> scheduledAt, HashSet<int> completed, Action<string> problem)
    {
        int id = completion.TaskScheduledId;
        string name = completion.GetType().Name;
        if (!scheduledAt.TryGetValue(id, out (SchedulingEvent Event, int Index) scheduled))
        {
            problem($"{name} for {id} at {index} without an earlier scheduling event");
            return;
        }

        if (!completed.Add(id))
        {
            problem($"{name} for {id} at {index} is a second completion");
        }

        bool matches = (scheduled.Event, completion) switch
        {
            (TaskScheduledEvent, TaskCompletedEvent) => true,
            (TimerCreatedEvent, TimerFiredEvent) => true,
            (SubOrchestrationInstanceCreatedEvent, SubOrchestrationInstanceCompletedEvent) => true,
            _ => false,
        };
        if (!matches)
        {
            problem($"{name} at {index} answers {scheduled.Event.GetType().Name} {id}");
        }
    }

    private static void CheckCounts(IReadOnlyList<HistoryEvent> history, HistoryExpectation expected, Action<string> problem)
    {
        var actual = new HistoryExpectation(
            history.Count(e => e is TaskScheduledEvent),
            history.Count(e => e is TimerCreatedEvent),
            history.Count(e => e is SubOrchestrationInstanceCreatedEvent),
            history.Count(e => e is EventRaisedEvent));
        if (actual != expected)
        {
            problem($"expected {expected}, history has {actual}");
        }

        var raisedIds = history.OfType<EventRaisedEvent>().Select(e => e.MessageId).ToList();
        if (raisedIds.Distinct(StringComparer.Ordinal).Count() != raisedIds.Count)
        {
            problem("an external event was applied twice");
        }
    }
}
