using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Emigrate.Domain;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Tests.Sms.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Outbound;

/// <summary>
/// The gateway sender as the app registers it (<c>Sms:Gateway:Url</c> set), against a stand-in gateway on
/// 127.0.0.1 and an outbox on Azurite: the exact request the gateway receives, retries, refusals and the outbox.
/// </summary>
[Collection(SmsCollection.Name)]
public sealed class GatewaySmsSenderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string AccountId = "acct-test-0001";
    private const string ApiKey = "key-test-not-a-secret";
    private const string AckDltId = "1107170000000000001";
    private const string HindiAckDltId = "1107170000000000002";
    private const string EntityId = "1101100000000000009";

    private static readonly MobileNumber Mobile = InMemoryCaseDirectory.Mobile("9876543210");

    private readonly TableServiceClient _service = new(azurite.ConnectionString);
    private readonly string _outboxTable = UniqueNames.Table("gwoutbox");
    private readonly string _optOutTable = UniqueNames.Table("gwoptouts");
    private readonly CapturedLogs _logs = new();
    private StandInGateway _gateway = null!;
    private ServiceProvider _services = null!;

    private ISmsSender Sender => _services.GetRequiredService<ISmsSender>();

    private SmsOutbox Outbox => _services.GetRequiredService<SmsOutbox>();

    public async Task InitializeAsync()
    {
        _gateway = await StandInGateway.StartAsync();
        _services = Services(Settings(_gateway.Url));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _gateway.DisposeAsync();
        await _service.DeleteTableAsync(_outboxTable);
        await _service.DeleteTableAsync(_optOutTable);
    }

    [Fact]
    public async Task The_gateway_receives_the_e164_number_sender_text_and_dlt_ids_with_basic_authentication()
    {
        var message = Acknowledgement("activity-1", Language.English);

        Assert.True(await Sender.SendAsync(message, default));

        var call = Assert.Single(_gateway.Calls);
        Assert.Equal("POST", call.Method);
        Assert.Equal("/v1/messages", call.Path);
        Assert.Equal("application/json", MediaTypeHeaderValue.Parse(call.ContentType!).MediaType);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{AccountId}:{ApiKey}")), call.Authorization);
        Assert.Equal(SmsOutbox.Hash("activity-1"), call.IdempotencyKey);
        var expected = new JsonObject
        {
            ["to"] = "+919876543210",
            ["sender"] = "EMIGRT",
            ["text"] = message.Message.Text,
            ["encoding"] = "gsm7",
            ["dltEntityId"] = EntityId,
            ["dltTemplateId"] = AckDltId,
            ["reference"] = SmsOutbox.Hash("activity-1"),
        };
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(call.Body)), call.Body);

        var entry = Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default));
        Assert.Equal(("gateway-test", SmsDeliveryStates.Sent, "gw-1", 1), (entry.Delivery, entry.DeliveryState, entry.GatewayMessageId, entry.Attempts));
        Assert.Equal(message.Message.Text, entry.Text);
    }

    [Fact]
    public async Task Hindi_goes_as_ucs2_with_the_hindi_templates_dlt_id()
    {
        Assert.True(await Sender.SendAsync(Acknowledgement("activity-hi", Language.Hindi), default));

        var body = JsonNode.Parse(Assert.Single(_gateway.Calls).Body)!;
        Assert.Equal("ucs2", body["encoding"]!.GetValue<string>());
        Assert.Equal(HindiAckDltId, body["dltTemplateId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Server_errors_and_429_are_retried_with_the_same_request_until_the_gateway_accepts()
    {
        _gateway.Script(new GatewayAnswer(503), new GatewayAnswer(429, RetryAfterSeconds: 0), new GatewayAnswer(500, "{\"error\":\"busy\"}"));

        Assert.True(await Sender.SendAsync(Acknowledgement("activity-2", Language.English), default));

        var calls = _gateway.Calls.ToArray();
        Assert.Equal(4, calls.Length);
        Assert.Single(calls.Select(c => (c.Body, c.IdempotencyKey, c.Authorization)).Distinct());
        var entry = Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default));
        Assert.Equal((SmsDeliveryStates.Sent, 4), (entry.DeliveryState, entry.Attempts));
    }

    [Fact]
    public async Task A_4xx_refusal_is_not_retried_and_the_outbox_records_it_rejected()
    {
        _gateway.Script(new GatewayAnswer(400, "{\"error\":\"template mismatch\"}"));

        await Assert.ThrowsAsync<SmsGatewayException>(() => Sender.SendAsync(Acknowledgement("activity-3", Language.English), default));

        Assert.Single(_gateway.Calls);
        var entry = Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default));
        Assert.Equal((SmsDeliveryStates.Rejected, "HTTP 400", 1), (entry.DeliveryState, entry.DeliveryDetail, entry.Attempts));
    }

    [Fact]
    public async Task A_message_that_failed_every_attempt_is_recorded_failed_and_a_later_call_delivers_it_once()
    {
        // Four attempts per call (Sms:Gateway:MaxAttempts), all failing.
        _gateway.Script(new GatewayAnswer(502), new GatewayAnswer(503), new GatewayAnswer(504), new GatewayAnswer(500));
        var message = Acknowledgement("activity-4", Language.English);

        await Assert.ThrowsAsync<SmsGatewayException>(() => Sender.SendAsync(message, default));
        var failed = Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default));
        Assert.Equal((SmsDeliveryStates.Failed, "HTTP 500", 4), (failed.DeliveryState, failed.DeliveryDetail, failed.Attempts));

        Assert.True(await Sender.SendAsync(message, default));
        Assert.False(await Sender.SendAsync(message, default));

        Assert.Equal(5, _gateway.Calls.Count);
        Assert.Single(_gateway.Calls.Select(c => c.IdempotencyKey).Distinct());
        var sent = Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default));
        Assert.Equal((SmsDeliveryStates.Sent, 5, (string?)null), (sent.DeliveryState, sent.Attempts, sent.DeliveryDetail));
    }

    [Fact]
    public async Task A_gateway_that_does_not_answer_within_the_timeout_is_tried_again()
    {
        // Short enough to wait out the hung call, long enough that the answered retry never runs into it on a busy machine.
        await using var services = Services(Settings(_gateway.Url, attemptTimeout: TimeSpan.FromSeconds(10)));
        _gateway.Script(new GatewayAnswer(0, Hang: true));

        Assert.True(await services.GetRequiredService<ISmsSender>().SendAsync(Acknowledgement("activity-5", Language.English), default));

        Assert.Equal(2, _gateway.Calls.Count);
        Assert.Equal(SmsDeliveryStates.Sent, Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default)).DeliveryState);
        Assert.Contains("timed out", _logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_without_a_dlt_template_id_is_recorded_rejected_and_never_reaches_the_gateway()
    {
        var help = new OutboundSms("help-1", Mobile, SmsTemplates.Get(SmsTemplates.Help, Language.English).Render(), OutboundKind.Reply, null);

        await Assert.ThrowsAsync<SmsGatewayException>(() => Sender.SendAsync(help, default));

        Assert.Empty(_gateway.Calls);
        Assert.Equal(SmsDeliveryStates.Rejected, Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default)).DeliveryState);
    }

    [Fact]
    public async Task Reminders_to_a_mobile_that_sent_stop_are_held_back_without_calling_the_gateway()
    {
        await _services.GetRequiredService<OptOuts>().SetAsync(Mobile, optedOut: true, default);
        var reminder = new OutboundSms("reminder-1", Mobile, SmsTemplates.Get(SmsTemplates.RegistrationAcknowledgement, Language.English).Render("EM0000000001"), OutboundKind.Reminder, null);

        Assert.False(await Sender.SendAsync(reminder, default));

        Assert.Empty(_gateway.Calls);
        Assert.Empty(await Outbox.ListAsync(Mobile.Value, 10, default));
    }

    [Fact]
    public async Task Logs_show_the_mobile_masked_on_success_retry_and_failure()
    {
        // log-1: one retry, then accepted; log-2: refused; log-3: fails all four attempts.
        _gateway.Script(new GatewayAnswer(503), new GatewayAnswer(202, "{\"id\":\"gw-log\"}"), new GatewayAnswer(404), new GatewayAnswer(503), new GatewayAnswer(503), new GatewayAnswer(503), new GatewayAnswer(503));

        Assert.True(await Sender.SendAsync(Acknowledgement("log-1", Language.English), default));
        await Assert.ThrowsAsync<SmsGatewayException>(() => Sender.SendAsync(Acknowledgement("log-2", Language.English), default));
        await Assert.ThrowsAsync<SmsGatewayException>(() => Sender.SendAsync(Acknowledgement("log-3", Language.English), default));

        string logs = _logs.All;
        Assert.Contains(Mobile.Masked, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile.Value, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, logs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_gateway_url_messages_are_only_recorded_in_the_outbox()
    {
        // Empty, as a settings file that lists the keys without a gateway has it.
        var settings = Settings(_gateway.Url);
        settings["Sms:Gateway:Url"] = "";
        await using var services = Services(settings);

        Assert.IsType<OutboxSmsSender>(services.GetRequiredService<ISmsSender>());
        Assert.True(await services.GetRequiredService<ISmsSender>().SendAsync(Acknowledgement("local-1", Language.English), default));

        Assert.Empty(_gateway.Calls);
        var entry = Assert.Single(await Outbox.ListAsync(Mobile.Value, 10, default));
        Assert.Equal((OutboxSmsSender.Delivery, SmsDeliveryStates.Recorded), (entry.Delivery, entry.DeliveryState));
    }

    [Fact]
    public async Task A_gateway_url_without_its_account_key_sender_or_entity_id_fails_validation()
    {
        Assert.IsType<GatewaySmsSender>(Sender);
        foreach (var missing in new[] { "AccountId", "ApiKey", "SenderId", "DltEntityId" })
        {
            var settings = Settings(_gateway.Url);
            settings.Remove($"Sms:Gateway:{missing}");
            await using var services = Services(settings);

            var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmsGatewayOptions>>().Value);
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }
    }

    // Every attempt's timeout is generous by default: an answer that took longer than a short one on a loaded machine
    // would be retried and counted as a second call.
    private static Dictionary<string, string?> Settings(Uri url, TimeSpan? attemptTimeout = null) => new()
    {
        ["Sms:Gateway:Url"] = url.ToString(),
        ["Sms:Gateway:Name"] = "gateway-test",
        ["Sms:Gateway:AccountId"] = AccountId,
        ["Sms:Gateway:ApiKey"] = ApiKey,
        ["Sms:Gateway:SenderId"] = "EMIGRT",
        ["Sms:Gateway:DltEntityId"] = EntityId,
        [$"Sms:Gateway:DltTemplates:{SmsTemplates.RegistrationAcknowledgement}.en"] = AckDltId,
        [$"Sms:Gateway:DltTemplates:{SmsTemplates.RegistrationAcknowledgement}.hi"] = HindiAckDltId,
        ["Sms:Gateway:Timeout"] = (attemptTimeout ?? TimeSpan.FromSeconds(60)).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        ["Sms:Gateway:MaxAttempts"] = "4",
        ["Sms:Gateway:FirstRetryDelay"] = "00:00:00.010",
        ["Sms:Gateway:MaxRetryDelay"] = "00:00:00.050",
    };

    // The sender as the app builds it: AddSmsSender over the outbox and opt-outs on this test's tables.
    private ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new SmsOutbox(new SmsTable(_service, _outboxTable), TimeProvider.System));
        services.AddSingleton(new OptOuts(new SmsTable(_service, _optOutTable), TimeProvider.System));
        services.AddSmsSender(configuration);
        return services.BuildServiceProvider();
    }

    private static OutboundSms Acknowledgement(string key, Language language) =>
        new(key, Mobile, SmsTemplates.Get(SmsTemplates.RegistrationAcknowledgement, language).Render("EM0000000001"), OutboundKind.Acknowledgement, null);
}
