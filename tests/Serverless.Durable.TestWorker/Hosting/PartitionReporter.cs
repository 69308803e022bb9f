using Serverless.Durable.AzureStorage;

namespace Serverless.Durable.TestWorker.Hosting;

/// <summary>
/// Prints <c>OWNED 0,2</c> on stdout whenever the set of control partitions this worker holds changes, so a test can
/// kill a worker that really owns work and can see how two workers shared the hub.
/// </summary>
public static class PartitionReporter
{
    public const string Prefix = "OWNED ";

    public static async Task RunAsync(AzureStorageOrchestrationBackend backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(backend);
        string? last = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            do
            {
                string owned = string.Join(',', backend.OwnedPartitions);
                if (owned != last)
                {
                    Console.WriteLine(Prefix + owned);
                    last = owned;
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Parses a line printed by <see cref="RunAsync"/>; <see langword="null"/> for any other line.</summary>
    public static IReadOnlyList<int>? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        return [.. line[Prefix.Length..].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
    }
}
