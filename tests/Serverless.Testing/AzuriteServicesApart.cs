using Serverless.Storage;

namespace Serverless.Testing;

/// <summary>
/// Blob, queue and table storage each served by an Azurite process of its own, as Azure serves them apart.
/// </summary>
/// <remarks>
/// Why: one Azurite process serves all three services on one event loop, so its queue service's sweep of message
/// extents (every 60 s; about 2 s of blocked loop under a benchmark's queue traffic) stalls every table read with it.
/// Each process here is a whole <see cref="AzuriteProcess"/> of which one service is used; the two it also runs stay
/// idle and cost next to nothing.
/// </remarks>
public sealed class AzuriteServicesApart : IAsyncDisposable
{
    private readonly AzuriteProcess _blob;
    private readonly AzuriteProcess _queue;
    private readonly AzuriteProcess _table;

    private AzuriteServicesApart(AzuriteProcess blob, AzuriteProcess queue, AzuriteProcess table)
    {
        _blob = blob;
        _queue = queue;
        _table = table;
        ConnectionString = StorageConnectionString.ForEmulator(blob.BlobEndpoint, queue.QueueEndpoint, table.TableEndpoint);
    }

    /// <summary>A connection string naming each service in its own process, with the development account key.</summary>
    public string ConnectionString { get; }

    /// <summary>The three node processes, by the service each one serves.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds => new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["blob"] = _blob.ProcessId,
        ["queue"] = _queue.ProcessId,
        ["table"] = _table.ProcessId,
    };

    /// <summary>Starts the three processes at once and waits until all answer.</summary>
    public static async Task<AzuriteServicesApart> StartAsync(CancellationToken cancellationToken = default)
    {
        Task<AzuriteProcess>[] starts = [.. Enumerable.Range(0, 3).Select(_ => AzuriteProcess.StartAsync(cancellationToken))];
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            foreach (Task<AzuriteProcess> start in starts.Where(s => s.IsCompletedSuccessfully))
            {
                await start.Result.DisposeAsync();
            }

            throw;
        }

        return new AzuriteServicesApart(starts[0].Result, starts[1].Result, starts[2].Result);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _blob.DisposeAsync();
        await _queue.DisposeAsync();
        await _table.DisposeAsync();
    }
}
