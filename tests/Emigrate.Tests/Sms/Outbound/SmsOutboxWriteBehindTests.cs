using Azure.Core;
using Emigrate.Domain;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Tests.Sms.Support;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Outbound;

/// <summary>Records the caller does not wait for: this process reads them as if it had, and stopping waits for them.</summary>
[Collection(SmsCollection.Name)]
public sealed class SmsOutboxWriteBehindTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Mobile = "9876543210";
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly string table = UniqueNames.Table("outbox");
    private readonly HoldBatches hold = new();
    private SmsOutbox outbox = null!;

    public async Task InitializeAsync()
    {
        var options = new StorageClientOptions();
        options.AddPolicy(this.hold, HttpPipelinePosition.PerCall);
        var smsTable = new SmsTable(new TableServiceClient(azurite.ConnectionString, options), this.table);
        await smsTable.GetAsync(CancellationToken.None);
        this.outbox = new SmsOutbox(smsTable, this.clock);
    }

    public async Task DisposeAsync()
    {
        this.hold.Open();
        await new TableServiceClient(azurite.ConnectionString).DeleteTableAsync(this.table);
    }

    private static SmsMessage Reply(string text) => new("SMS-STATUS-EN", Language.English, text);

    [Fact]
    public async Task A_record_under_way_is_waited_for_by_this_process_reads_and_by_the_drain()
    {
        var failures = new List<Exception>();
        this.outbox.RecordBehind(Mobile, "inbound|m-1", Reply("Your case is at medical."), OutboundKind.Reply, null, OutboxSmsSender.Delivery, failures.Add);
        await this.hold.Held.Task;

        // The record's write is held at the transport: reads of the recipient and the drain cannot finish before it.
        Task<IReadOnlyList<OutboxEntry>> listing = this.outbox.ListAsync(Mobile, 10, CancellationToken.None);
        Task<SmsMessage?> finding = this.outbox.FindMessageAsync(Mobile, "inbound|m-1", CancellationToken.None);
        Task draining = this.outbox.DrainAsync();
        Assert.False(listing.IsCompleted || finding.IsCompleted || draining.IsCompleted);

        this.hold.Open();
        await draining;
        Assert.Equal("Your case is at medical.", Assert.Single(await listing).Text);
        Assert.Equal("Your case is at medical.", (await finding)?.Text);
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_record_that_cannot_be_written_is_reported_and_no_longer_waited_for()
    {
        this.hold.Fail = true;
        var failed = new TaskCompletionSource<Exception>();
        this.outbox.RecordBehind(Mobile, "inbound|m-2", Reply("Your case is at medical."), OutboundKind.Reply, null, OutboxSmsSender.Delivery, e => failed.TrySetResult(e));

        Assert.IsType<InvalidOperationException>(await failed.Task);
        await this.outbox.DrainAsync();
        this.hold.Fail = false;
        this.hold.Open();
        Assert.Empty(await this.outbox.ListAsync(Mobile, 10, CancellationToken.None));
    }
}
