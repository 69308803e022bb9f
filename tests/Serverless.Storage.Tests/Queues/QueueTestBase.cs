using Serverless.Storage.Queues;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Queues;

/// <summary>Gives every test its own freshly created, uniquely named queue and deletes it afterwards.</summary>
/// <remarks>xunit builds one class instance per test, so no test sees another's messages.</remarks>
public abstract class QueueTestBase(AzuriteFixture fixture) : IAsyncLifetime
{
    protected AzuriteFixture Fixture { get; } = fixture;

    protected string QueueName { get; } = UniqueNames.Queue("q");

    /// <summary>A plain-text client (<see cref="QueueMessageEncoding.None"/>) for this test's queue.</summary>
    protected QueueClient Queue => field ??= Client(QueueMessageEncoding.None);

    protected QueueClient Client(QueueMessageEncoding encoding) =>
        new(Fixture.ConnectionString, QueueName, new QueueClientOptions { MessageEncoding = encoding });

    public virtual async Task InitializeAsync() => await Queue.CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await Queue.DeleteIfExistsAsync();
}
