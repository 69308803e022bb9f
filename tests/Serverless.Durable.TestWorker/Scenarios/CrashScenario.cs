namespace Serverless.Durable.TestWorker.Scenarios;

/// <summary>
/// The crash-safety orchestration: sequential activities, a durable timer, an external event, a fan-out and a
/// sub-orchestration, so a kill can land in every kind of step. Its output is a pure function of its input.
/// </summary>
public static class CrashScenario
{
    public const string Name = "CrashScenario";
    public const string ChildName = "CrashScenarioChild";
    public const string EventName = "Continue";

    /// <summary>Activity calls in the parent's history: two in sequence, a fan-out of three, one last.</summary>
    public const int ParentActivities = 6;

    /// <summary>Activity calls in the child's history.</summary>
    public const int ChildActivities = 2;

    public static string InstanceId(string prefix, int n) => $"{prefix}-{n:D3}";

    public static string ChildInstanceId(string parentInstanceId) => $"{parentInstanceId}-child";

    public static string EventPayload(int n) => $"go{n}";

    /// <summary>What instance <paramref name="n"/> returns, computed the way the orchestration does.</summary>
    public static string ExpectedOutput(int n)
    {
        int a = Step.Apply(n, 1);
        int b = Step.Apply(a, 2);
        int fan = Step.Apply(b, 10) + Step.Apply(b, 11) + Step.Apply(b, 12);
        int child = Step.Apply(Step.Apply(fan, 20), 21);
        int last = Step.Apply(child, 3);
        return $"{n}:{EventPayload(n)}:{last}";
    }

    public static void Register(DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<int, string>(Name, async (context, n) =>
        {
            int a = await context.CallActivityAsync<int>(Step.Name, new StepInput(n, 1));
            int b = await context.CallActivityAsync<int>(Step.Name, new StepInput(a, 2));
            await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
            string go = await context.WaitForExternalEvent<string>(EventName);
            int[] fan = await Task.WhenAll(
                context.CallActivityAsync<int>(Step.Name, new StepInput(b, 10)),
                context.CallActivityAsync<int>(Step.Name, new StepInput(b, 11)),
                context.CallActivityAsync<int>(Step.Name, new StepInput(b, 12)));
            int child = await context.CallSubOrchestratorAsync<int>(
                ChildName, fan.Sum(), new SubOrchestrationOptions(ChildInstanceId(context.InstanceId)));
            int last = await context.CallActivityAsync<int>(Step.Name, new StepInput(child, 3));
            return $"{n}:{go}:{last}";
        });
        registry.AddOrchestrator<int, int>(ChildName, async (context, value) =>
        {
            int x = await context.CallActivityAsync<int>(Step.Name, new StepInput(value, 20));
            return await context.CallActivityAsync<int>(Step.Name, new StepInput(x, 21));
        });
    }
}
