using Emigrate.Domain;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Tests.Sms.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Outbound;

/// <summary>The sender port's outbox and the opt-outs on Azurite.</summary>
[Collection(SmsCollection.Name)]
public sealed class OutboxSmsSenderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
    private readonly TableServiceClient _service = new(azurite.ConnectionString);
    private readonly string _outboxTable = UniqueNames.Table("outbox");
    private readonly string _optOutTable = UniqueNames.Table("optouts");
    private SmsOutbox _outbox = null!;
    private OptOuts _optOuts = null!;
    private OutboxSmsSender _sender = null!;

    private static readonly MobileNumber Mobile = InMemoryCaseDirectory.Mobile("9876543210");

    public Task InitializeAsync()
    {
        _outbox = new SmsOutbox(new SmsTable(_service, _outboxTable), _clock);
        _optOuts = new OptOuts(new SmsTable(_service, _optOutTable), _clock);
        _sender = new OutboxSmsSender(_outbox, _optOuts, NullLogger<OutboxSmsSender>.Instance);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _service.DeleteTableAsync(_outboxTable);
        await _service.DeleteTableAsync(_optOutTable);
    }

    [Fact]
    public async Task A_message_is_sent_once_per_idempotency_key_even_when_sent_concurrently()
    {
        var message = Sms("key-1", OutboundKind.Acknowledgement);

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _sender.SendAsync(message, default)));

        Assert.Equal(1, results.Count(sent => sent));
        Assert.Single(await _outbox.ListAsync(Mobile.Value, 10, default));
        Assert.True(await _outbox.ContainsAsync(Mobile.Value, "key-1", default));
    }

    [Fact]
    public async Task Messages_are_read_newest_first()
    {
        foreach (var key in new[] { "a", "b", "c" })
        {
            await _sender.SendAsync(Sms(key, OutboundKind.Reply), default);
            _clock.Set(_clock.GetUtcNow().AddMinutes(1));
        }

        var read = await _outbox.ListAsync(Mobile.Value, 2, default);

        Assert.Equal([_clock.GetUtcNow().AddMinutes(-1), _clock.GetUtcNow().AddMinutes(-2)], read.Select(m => m.At));
        Assert.All(read, m => Assert.Equal("outbox", m.Delivery));
    }

    [Fact]
    public async Task After_stop_reminders_are_held_back_but_the_clearance_result_is_sent()
    {
        await _optOuts.SetAsync(Mobile, optedOut: true, default);

        Assert.False(await _sender.SendAsync(Sms("reminder", OutboundKind.Reminder), default));
        Assert.True(await _sender.SendAsync(Sms("result", OutboundKind.ClearanceResult), default));

        await _optOuts.SetAsync(Mobile, optedOut: false, default);
        Assert.True(await _sender.SendAsync(Sms("reminder", OutboundKind.Reminder), default));
        Assert.Equal(2, (await _outbox.ListAsync(Mobile.Value, 10, default)).Count);
    }

    private static OutboundSms Sms(string key, OutboundKind kind) =>
        new(key, Mobile, SmsTemplates.Get(SmsTemplates.Help, Language.English).Render(), kind, null);
}
