namespace Serverless.Durable.TestWorker.Scenarios;

/// <summary>The input of one <see cref="Step"/> call.</summary>
/// <param name="Value">The value carried through the orchestration.</param>
/// <param name="Salt">Makes every call of one orchestration distinct.</param>
public sealed record StepInput(int Value, int Salt);

/// <summary>The only activity: records that it ran (through <c>recordRun</c>), takes a little while (so kills land inside activities too) and computes.</summary>
public static class Step
{
    public const string Name = "Step";

    /// <summary>The computation, kept small so sums never overflow.</summary>
    public static int Apply(int value, int salt) => ((value * 31) + salt) % 1_000_003;

    public static void Register(DurableTaskRegistry registry, Func<TaskActivityContext, Task> recordRun, TimeSpan maxDelay) =>
        registry.AddActivity<StepInput, int>(Name, async (context, input) =>
        {
            ArgumentNullException.ThrowIfNull(input);
            await recordRun(context);
            if (maxDelay > TimeSpan.Zero)
            {
                // Random on purpose: activities are not replayed, and varied lengths spread the kill points.
#pragma warning disable CA5394
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * maxDelay.TotalMilliseconds));
#pragma warning restore CA5394
            }

            return Apply(input.Value, input.Salt);
        });
}
