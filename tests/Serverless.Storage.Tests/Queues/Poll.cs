namespace Serverless.Storage.Tests.Queues;

/// <summary>Waits for a condition on a shared, noisy machine: polls until it holds or a generous deadline passes.</summary>
internal static class Poll
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    public static async Task<T> UntilAsync<T>(Func<Task<T?>> attempt, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {Deadline.TotalSeconds} s waiting until {what}.");
            }

            await Task.Delay(250);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what) =>
        await UntilAsync<object>(async () => await condition() ? new object() : null, what);
}
