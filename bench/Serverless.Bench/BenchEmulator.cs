using Serverless.Testing;

namespace Serverless.Bench;

/// <summary>The Azurite a suite runs against: one process, or a process per service, or none when given by <c>--connection</c>.</summary>
internal sealed class BenchEmulator : IAsyncDisposable
{
    private readonly IAsyncDisposable? _owned;

    private BenchEmulator(string connectionString, IReadOnlyDictionary<string, int> processIds, IAsyncDisposable? owned, string description)
    {
        this.ConnectionString = connectionString;
        this.ProcessIds = processIds;
        this._owned = owned;
        this.Description = description;
    }

    public string ConnectionString { get; }

    /// <summary>The emulator's node processes by what they serve; empty when the emulator is not ours to see.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds { get; }

    public string Description { get; }

    /// <summary>
    /// <paramref name="layout"/> <c>one</c> (every service in one node process) or <c>apart</c> (a process per service, as
    /// Azure serves them); ignored when <paramref name="connection"/> names an emulator already running.
    /// </summary>
    public static async Task<BenchEmulator> StartAsync(string? connection, string layout)
    {
        if (connection is not null)
        {
            return new BenchEmulator(connection, new Dictionary<string, int>(), null, "the emulator given by --connection");
        }

        switch (layout)
        {
            case "one":
                AzuriteProcess one = await AzuriteProcess.StartAsync();
                return new BenchEmulator(one.ConnectionString, new Dictionary<string, int> { ["all services"] = one.ProcessId }, one, "in-memory Azurite, one node process");
            case "apart":
                AzuriteServicesApart apart = await AzuriteServicesApart.StartAsync();
                return new BenchEmulator(apart.ConnectionString, apart.ProcessIds, apart, "in-memory Azurite, blob, queue and table in a node process each");
            default:
                throw new ArgumentException($"--emulator '{layout}': expected 'one' or 'apart'.", nameof(layout));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (this._owned is not null)
        {
            await this._owned.DisposeAsync();
        }
    }
}
