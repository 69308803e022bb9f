using Azure.Core;
using Azure.Core.Pipeline;
using Emigrate.Data.Cases;
using Emigrate.Domain.Cases;
using Emigrate.Tests.Portal;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Data;

/// <summary>
/// The list writer's requests count as the traffic class of the changes they carry: a drain started by a caller a
/// person waits on must not carry background work's changes past the process's background cap, nor the reverse.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseListTrafficClassTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch.AddYears(56);
    private readonly TableClient table;
    private readonly HoldFirstWrite hold = new();

    public CaseListTrafficClassTests(AzuriteFixture azurite)
    {
        var options = new StorageClientOptions();
        options.AddPolicy(this.hold, HttpPipelinePosition.PerCall);
        this.table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(UniqueNames.Table("lc"));
    }

    public Task InitializeAsync() => this.table.CreateIfNotExistsAsync();

    public async Task DisposeAsync()
    {
        this.hold.Open();
        await this.table.DeleteAsync();
    }

    private static CaseListEntry Entry(string caseId) => new(caseId, CaseStage.Registered, "Asha", T);

    [Fact]
    public async Task Background_changes_queued_behind_an_interactive_one_go_as_background_and_the_interactive_one_not()
    {
        var lists = new CaseLists(this.table);
        this.hold.Armed = true;

        // A person's change starts the list's drain; its write is held while background work queues behind it.
        Task interactive = lists.PutAsync("csc-traffic", Entry("EM0000000001"), CancellationToken.None);
        await this.hold.Held.Task;
        Task background;
        using (BackgroundStorageTraffic.Begin())
        {
            background = lists.PutAsync("csc-traffic", Entry("EM0000000002"), CancellationToken.None);
        }

        this.hold.Open();
        await Task.WhenAll(interactive, background);

        Assert.Equal([false, true], this.hold.Writes.Select(w => w.Background).Distinct().Order());
        // Each case's member row is written by the batch that carries its change (the page rows name both cases).
        Assert.False(Assert.Single(this.hold.Writes, w => w.Cases.Contains("m|csc-traffic|EM0000000001", StringComparison.Ordinal)).Background);
        Assert.True(Assert.Single(this.hold.Writes, w => w.Cases.Contains("m|csc-traffic|EM0000000002", StringComparison.Ordinal)).Background);
    }

    /// <summary>Notes each write's traffic class and the cases its body names; holds the first write until opened.</summary>
    private sealed class HoldFirstWrite : HttpPipelinePolicy
    {
        private readonly TaskCompletionSource open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<(bool Background, string Cases)> Writes { get; } = [];

        public bool Armed { get; set; }

        public void Open() => this.open.TrySetResult();

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The clients here are asynchronous.");

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (this.Armed && message.Request.Method != RequestMethod.Get && message.Request.Content is { } content)
            {
                using var body = new MemoryStream();
                await content.WriteToAsync(body, CancellationToken.None);
                lock (this.Writes)
                {
                    this.Writes.Add((BackgroundStorageTraffic.IsActive, System.Text.Encoding.UTF8.GetString(body.ToArray())));
                }

                if (this.Held.TrySetResult())
                {
                    await this.open.Task;
                }
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
