using Serverless.Durable.AzureStorage;
using Serverless.Durable.Backend;
using Serverless.Durable.Client;
using Serverless.Durable.History;
using Serverless.Durable.Tests.Support;
using Serverless.Durable.TestWorker.Hosting;
using Serverless.Durable.TestWorker.Recording;
using Serverless.Testing;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>
/// A task hub of its own on the shared Azurite, seen from the test process: a client (which never takes leases),
/// the history reader, the execution records, and worker processes on the same hub. Disposing deletes it all.
/// </summary>
public sealed class TestHub : IAsyncDisposable
{
    private readonly AzuriteFixture azurite;
    private readonly ITestOutputHelper output;
    private readonly AzureStorageOrchestrationBackend backend;
    private readonly ExecutionRecorder records;
    private readonly string recordsTable;

    private TestHub(AzuriteFixture azurite, ITestOutputHelper output, string name, AzureStorageOrchestrationBackend backend, ExecutionRecorder records, string recordsTable)
    {
        this.azurite = azurite;
        this.output = output;
        this.Name = name;
        this.backend = backend;
        this.records = records;
        this.recordsTable = recordsTable;
        this.Client = new BackendDurableTaskClient(backend, JsonDataConverter.Default, TimeProvider.System, new TestLog(output), name);
    }

    public string Name { get; }

    public DurableTaskClient Client { get; }

    public IOrchestrationBackend Backend => this.backend;

    public static async Task<TestHub> CreateAsync(AzuriteFixture azurite, string prefix, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        string name = prefix + Guid.NewGuid().ToString("N")[..10];
        var backend = new AzureStorageOrchestrationBackend(azurite.ConnectionString, name, TaskHubBackend.Options("test"), TimeProvider.System, new TestLog(output));
        await backend.CreateIfNotExistsAsync(cancellationToken);
        string recordsTable = name + "Records";
        ExecutionRecorder records = ExecutionRecorder.Create(azurite.ConnectionString, recordsTable, "test");
        await records.EnsureTableAsync(cancellationToken);
        output.WriteLine($"task hub {name}");
        return new TestHub(azurite, output, name, backend, records, recordsTable);
    }

    public Task<WorkerProcess> StartWorkerAsync(string workerName, CancellationToken cancellationToken) =>
        WorkerProcess.StartAsync(
            new WorkerArguments(this.azurite.ConnectionString, this.Name, this.recordsTable, workerName, TimeSpan.FromMilliseconds(50)),
            this.output,
            cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        this.backend.GetHistoryAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<ExecutionRecord>> RecordsAsync(CancellationToken cancellationToken) => this.records.ReadAllAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await this.backend.DeleteTaskHubAsync(CancellationToken.None);
            await new Serverless.Storage.Tables.TableClient(this.azurite.ConnectionString, this.recordsTable).DeleteAsync();
        }
        finally
        {
            await this.backend.DisposeAsync();
        }
    }
}
