using System.Net;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Sms;
using Emigrate.Tests.Sms.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Inbound;

/// <summary>End to end over HTTP: the gateway's signed form to the real host on Azurite, the reply, the outbox.</summary>
[Collection(SmsCollection.Name)]
public sealed class InboundSmsWebhookTests(AzuriteFixture azurite)
{
    // 11:00 IST.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 5, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_answers_the_stage_and_next_step_of_the_senders_latest_case_in_their_language()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        host.Cases.Add("9876543210", Language.English, CaseStage.Registered);
        var latest = host.Cases.Add("9876543210", Language.Hindi, CaseStage.MedicalBooked);

        var reply = await host.ReplyAsync("+919876543210", "status", "m-1");

        Assert.Equal(SmsTemplates.Status(CaseStage.MedicalBooked, Language.Hindi, latest.CaseId.Value).Text, reply);
        Assert.True(SmsSegments.Count(reply).FitsOneSms);
        var sent = Assert.Single(await host.OutboxAsync("9876543210"));
        Assert.Equal(reply, sent.Text);
        Assert.Equal("status-medicalBooked.hi", sent.TemplateId);
        Assert.Equal("reply", sent.Kind);
    }

    [Fact]
    public async Task Status_of_a_case_id_answers_only_for_the_senders_own_case_and_otherwise_as_for_an_unknown_id()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        var own = host.Cases.Add("9876543210", Language.English, CaseStage.Insured);
        var someoneElses = host.Cases.Add("9123456780", Language.English, CaseStage.Cleared);

        var ownReply = await host.ReplyAsync("9876543210", $"STATUS {own.CaseId.Value}", "m-own");
        var otherReply = await host.ReplyAsync("9876543210", $"status {someoneElses.CaseId.Value}", "m-other");
        var unknownReply = await host.ReplyAsync("9876543210", "STATUS EM0000000000", "m-unknown");

        Assert.Equal(SmsTemplates.Status(CaseStage.Insured, Language.English, own.CaseId.Value).Text, ownReply);
        Assert.Equal(SmsTemplates.Get(SmsTemplates.UnknownCase, Language.English).Render().Text, otherReply);
        Assert.Equal(otherReply, unknownReply);
    }

    [Fact]
    public async Task Status_from_a_mobile_without_a_case_says_so_and_unknown_text_gets_help()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);

        Assert.Equal(SmsTemplates.Get(SmsTemplates.NoCase, Language.English).Render().Text, await host.ReplyAsync("9876543210", "STATUS", "m-1"));
        Assert.Equal(SmsTemplates.Get(SmsTemplates.Help, Language.English).Render().Text, await host.ReplyAsync("9876543210", "what is happening", "m-2"));
        Assert.Equal(SmsTemplates.Get(SmsTemplates.Help, Language.English).Render().Text, await host.ReplyAsync("9876543210", "help", "m-3"));
        Assert.Equal(3, (await host.OutboxAsync("9876543210")).Count);
    }

    [Fact]
    public async Task A_duplicate_message_id_gets_the_first_reply_once_without_a_second_outbox_row()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        var found = host.Cases.Add("9876543210", Language.English, CaseStage.AwaitingDocuments);

        var first = await host.ReplyAsync("9876543210", "STATUS", "m-dup");
        host.Cases.Move(found.CaseId, CaseStage.DocumentsVerified);
        var again = await host.ReplyAsync("9876543210", "STATUS", "m-dup");

        Assert.Equal(first, again);
        Assert.Single(await host.OutboxAsync("9876543210"));
    }

    [Fact]
    public async Task A_status_is_answered_before_its_outbox_record_lands_and_the_outbox_and_a_duplicate_still_see_it()
    {
        var hold = new HoldBatches { Active = false };
        var storage = new StorageClientOptions();
        storage.AddPolicy(hold, Azure.Core.HttpPipelinePosition.PerCall);
        await using var host = await SmsHost.StartAsync(azurite, Now, services: s => s.AddSingleton(new TableServiceClient(azurite.ConnectionString, storage)));
        var found = host.Cases.Add("9876543210", Language.English, CaseStage.AwaitingDocuments);

        hold.Active = true;
        // A give-up limit, not a timing: an answer that waited for its held record would never come.
        var reply = await host.ReplyAsync("9876543210", "STATUS", "m-behind").WaitAsync(TimeSpan.FromSeconds(60));
        await hold.Held.Task;
        host.Cases.Move(found.CaseId, CaseStage.DocumentsVerified);
        var outbox = host.OutboxAsync("9876543210");
        var duplicate = host.ReplyAsync("9876543210", "STATUS", "m-behind");
        Assert.False(outbox.IsCompleted || duplicate.IsCompleted);

        hold.Open();
        Assert.Contains(found.CaseId.Value, reply, StringComparison.Ordinal);
        Assert.Equal(reply, Assert.Single(await outbox).Text);
        Assert.Equal(reply, await duplicate);
    }

    [Fact]
    public async Task A_redelivery_after_the_first_delivery_died_before_its_reply_was_recorded_answers_and_records_it_once()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        var found = host.Cases.Add("9876543210", Language.English, CaseStage.AwaitingDocuments);

        // What a delivery that died right after claiming its id leaves: the claim, no outbox row.
        var inbound = host.App.Services.GetRequiredService<IConfiguration>()["Sms:InboundTable"]!;
        var claims = new Serverless.Storage.Tables.TableClient(azurite.ConnectionString, inbound);
        await claims.CreateIfNotExistsAsync();
        await claims.AddEntityAsync(new Serverless.Storage.Tables.TableEntity("m-died", "m-died") { ["From"] = "9876543210", ["Effect"] = "none", ["Completed"] = false });

        var reply = await host.ReplyAsync("9876543210", "STATUS", "m-died");
        var again = await host.ReplyAsync("9876543210", "STATUS", "m-died");

        Assert.Contains(found.CaseId.Value, reply, StringComparison.Ordinal);
        Assert.Equal(reply, again);
        Assert.Equal(reply, Assert.Single(await host.OutboxAsync("9876543210")).Text);
    }

    [Fact]
    public async Task A_message_id_first_used_by_another_sender_is_409_and_reveals_nothing()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        host.Cases.Add("9876543210", Language.English, CaseStage.AwaitingDocuments);
        await host.ReplyAsync("9876543210", "STATUS", "m-shared");

        var response = await host.ReceiveAsync("9123456789", "STATUS", "m-shared");

        Assert.Equal(System.Net.HttpStatusCode.Conflict, response.StatusCode);
        Assert.Empty(await host.OutboxAsync("9123456789"));
    }

    [Fact]
    public async Task Stop_and_start_are_acknowledged_and_a_replayed_stop_does_not_stop_reminders_again()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        var found = host.Cases.Add("9876543210", Language.Hindi);

        var stop = await host.ReplyAsync("9876543210", "stop", "m-stop");
        var start = await host.ReplyAsync("9876543210", "START please", "m-start");
        var replayedStop = await host.ReplyAsync("9876543210", "stop", "m-stop");

        Assert.Equal(SmsTemplates.Get(SmsTemplates.StopAcknowledgement, Language.Hindi).Render().Text, stop);
        Assert.Equal(SmsTemplates.Get(SmsTemplates.StartAcknowledgement, Language.Hindi).Render().Text, start);
        Assert.Equal(stop, replayedStop);

        // Still opted in: a reminder goes out.
        await host.Reminders.ScheduleAsync(new Reminder(found.CaseId, ReminderReason.DocumentsSentBack, "1"), Now, default);
        Assert.Equal(1, (await host.RunReminderTimerAsync()).Sent);
        Assert.Equal(3, (await host.OutboxAsync("9876543210")).Count);
    }

    [Fact]
    public async Task A_bad_or_missing_signature_is_403_and_nothing_is_answered_or_recorded()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);
        host.Cases.Add("9876543210");

        using var forged = await host.ReceiveAsync("9876543210", "STOP", "m-1", signature: Convert.ToBase64String(new byte[20]));
        using var tamperedUrl = await host.ReceiveAsync("9876543210", "STOP", "m-2", signedUrl: "http://elsewhere.example/api/sms/inbound");
        using var missing = await host.ReceiveAsync("9876543210", "STOP", "m-3", signature: string.Empty);

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tamperedUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await host.OutboxAsync("9876543210"));
    }

    [Fact]
    public async Task Behind_a_proxy_the_signature_is_checked_against_the_configured_public_url()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now, new Dictionary<string, string?> { ["Sms:PublicBaseUrl"] = "https://sms.example.in/" });

        using var signedForPublicUrl = await host.ReceiveAsync("9876543210", "HELP", "m-1", signedUrl: "https://sms.example.in/api/sms/inbound");
        using var signedForInternalUrl = await host.ReceiveAsync("9876543210", "HELP", "m-2");

        Assert.Equal(HttpStatusCode.OK, signedForPublicUrl.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signedForInternalUrl.StatusCode);
    }

    [Fact]
    public async Task A_sender_that_is_not_an_indian_mobile_is_a_validation_problem()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);

        using var response = await host.ReceiveAsync("+14155550100", "STATUS", "m-1");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_outbox_is_for_admins_only()
    {
        await using var host = await SmsHost.StartAsync(azurite, Now);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/sms/outbox?mobile=9876543210");
        request.Headers.Add("x-functions-key", SmsHost.CscKey);
        using var asCsc = await host.Client.SendAsync(request);
        using var anonymous = await host.Client.GetAsync(new Uri("api/sms/outbox?mobile=9876543210", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, asCsc.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}
