namespace Serverless.Durable.TestWorker.Scenarios;

/// <summary>The two-worker orchestration: a short sequence and a fan-out of two, enough steps for both workers to share.</summary>
public static class TwoWorkerScenario
{
    public const string Name = "TwoWorkerScenario";

    /// <summary>Activity calls in each history.</summary>
    public const int Activities = 4;

    public static string InstanceId(string prefix, int n) => $"{prefix}-{n:D3}";

    public static int ExpectedOutput(int n)
    {
        int a = Step.Apply(n, 1);
        int b = Step.Apply(a, 2);
        return Step.Apply(b, 10) + Step.Apply(b, 11);
    }

    public static void Register(DurableTaskRegistry registry) =>
        registry.AddOrchestrator<int, int>(Name, async (context, n) =>
        {
            int a = await context.CallActivityAsync<int>(Step.Name, new StepInput(n, 1));
            int b = await context.CallActivityAsync<int>(Step.Name, new StepInput(a, 2));
            int[] fan = await Task.WhenAll(
                context.CallActivityAsync<int>(Step.Name, new StepInput(b, 10)),
                context.CallActivityAsync<int>(Step.Name, new StepInput(b, 11)));
            return fan.Sum();
        });
}
