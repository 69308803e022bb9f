using System.Text;
using System.Text.Json;
using Emigrate.Activities;
using Emigrate.Data.Cases;
using Emigrate.Data.Documents;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Clearance;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;
using Emigrate.Orchestrations;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Tests.Portal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable;
using Serverless.Functions;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Orchestrations;

/// <summary>
/// Each case activity run twice with the same engine activity id, as at-least-once delivery may, against the
/// app's real stores on Azurite: what it writes is written once.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class ActivityIdempotencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 5, 0, 0, TimeSpan.Zero);

    private readonly string prefix = UniqueNames.Table("a");
    private readonly string outboxTable = UniqueNames.Table("outbox");
    private readonly string remindersTable = UniqueNames.Table("rem");
    private ServiceProvider services = null!;
    private string caseId = "";
    private string mobile = "";

    private CaseActivities Activities => ActivatorUtilities.CreateInstance<CaseActivities>(this.services);

    public async Task InitializeAsync()
    {
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [EmigrateRegistration.StoragePrefixSetting] = this.prefix,
            [EmigrateRegistration.AadhaarHashKeySetting] = "activity-tests-aadhaar-key-0123456789-not-a-secret",
            ["Sms:WebhookSecret"] = "activity-tests-webhook-secret",
            ["Sms:OutboxTable"] = this.outboxTable,
            ["Sms:OptOutTable"] = UniqueNames.Table("opt"),
            ["Sms:InboundTable"] = UniqueNames.Table("in"),
            ["Sms:RemindersTable"] = this.remindersTable,
        }).Build();
        var collection = new ServiceCollection();
        collection.AddSingleton(configuration);
        collection.AddLogging();
        collection.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        collection.AddSingleton(new BlobServiceClient(azurite.ConnectionString));
        collection.AddEmigrate(configuration);
        this.services = collection.BuildServiceProvider();
        await this.services.GetRequiredService<CaseTables>().EnsureCreatedAsync(CancellationToken.None);
        await this.services.GetRequiredService<DocumentStore>().EnsureCreatedAsync(CancellationToken.None);

        RegistrationResult result = this.services.GetRequiredService<RegistrationValidator>().Validate(PortalHost.Applicant().ToJsonString(), IndiaTime.DateOf(At));
        Applicant applicant = Assert.IsType<Applicant>(result.Applicant);
        this.mobile = applicant.Mobile.Value;
        RegistrationOutcome outcome = await this.services.GetRequiredService<CaseStore>().RegisterAsync(
            new NewCase("csc-demo-0001", applicant.PoeOffice, applicant.Passport.Number.Value, applicant.Mobile.Value, applicant.PreferredLanguage,
                applicant.Name, JsonSerializer.Serialize(applicant, EmigrateJson.Options), At, At.AddDays(30), At.AddDays(200)),
            CancellationToken.None);
        this.caseId = outcome.CaseId;
    }

    public async Task DisposeAsync()
    {
        foreach (TableClient table in this.services.GetRequiredService<CaseTables>().All)
        {
            await table.DeleteAsync();
        }

        await this.services.DisposeAsync();
    }

    [Fact]
    public async Task Recording_a_stage_twice_writes_one_timeline_entry_and_the_same_row()
    {
        var change = new StageChange(this.caseId, CaseStage.MedicalBooked, At.AddHours(1), this.caseId, null, new Dictionary<string, string> { ["MedicalCentreId"] = "mc-mumbai-1" });

        await this.Activities.RecordStage(change, new Invocation());
        await this.Activities.RecordStage(change, new Invocation());

        var store = this.services.GetRequiredService<CaseStore>();
        Assert.Single(await store.TimelineAsync(this.caseId, CancellationToken.None), e => e.Stage == CaseStage.MedicalBooked);
        CaseRecord record = (await store.FindAsync(this.caseId, CancellationToken.None))!;
        Assert.Equal(CaseStage.MedicalBooked, record.Stage);
        Assert.Equal("mc-mumbai-1", record.Facts["MedicalCentreId"]);
    }

    [Fact]
    public async Task Sending_an_sms_twice_with_one_activity_id_records_one_message_and_another_id_a_second()
    {
        var sms = new CaseSms(this.caseId, SmsTemplates.Cleared, new Dictionary<string, string> { ["ecNumber"] = "EC-1" });

        await this.Activities.SendSms(sms, new Activity("Case:1:7"), new Invocation());
        await this.Activities.SendSms(sms, new Activity("Case:1:7"), new Invocation());
        Assert.Single(await this.OutboxAsync());

        await this.Activities.SendSms(sms, new Activity("Case:1:9"), new Invocation());
        Assert.Equal(2, (await this.OutboxAsync()).Count);
    }

    [Fact]
    public async Task Scheduling_a_reminder_twice_keeps_one_and_cancelling_twice_cancels_it_once()
    {
        var request = new ReminderRequest(this.caseId, ReminderReason.MedicalTomorrow, "2026-11-25", At.AddDays(1));

        await this.Activities.ScheduleReminder(request, new Invocation());
        await this.Activities.ScheduleReminder(request, new Invocation());
        var rows = await this.ReminderRowsAsync();
        var reminder = Assert.Single(rows, r => r.PartitionKey == "case-" + this.caseId);
        Assert.Equal("scheduled", reminder.GetString("State"));
        Assert.Single(rows, r => r.PartitionKey.StartsWith("due-", StringComparison.Ordinal));

        var cancellation = new ReminderCancellation(this.caseId, ReminderReason.MedicalTomorrow);
        await this.Activities.CancelReminders(cancellation, new Invocation());
        await this.Activities.CancelReminders(cancellation, new Invocation());
        rows = await this.ReminderRowsAsync();
        Assert.Equal("cancelled", Assert.Single(rows, r => r.PartitionKey == "case-" + this.caseId).GetString("State"));
        Assert.DoesNotContain(rows, r => r.PartitionKey.StartsWith("due-", StringComparison.Ordinal));

        // A retried schedule after the cancellation must not bring the reminder back.
        await this.Activities.ScheduleReminder(request, new Invocation());
        Assert.DoesNotContain(await this.ReminderRowsAsync(), r => r.PartitionKey.StartsWith("due-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reopening_documents_twice_sends_each_approved_document_back_once_without_a_new_version()
    {
        var documents = this.services.GetRequiredService<DocumentStore>();
        byte[] pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n%test\n");
        await documents.UploadAsync(this.caseId, DocumentType.Visa, DocumentFormat.Pdf, new MemoryStream(pdf), DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), CancellationToken.None);
        await documents.ReviewAsync(this.caseId, DocumentType.Visa, approve: true, null, CancellationToken.None);
        var reopen = new ReopenDocuments(this.caseId, "Blurred visa");

        await this.Activities.ReopenDocuments(reopen, new Invocation());
        await this.Activities.ReopenDocuments(reopen, new Invocation());

        DocumentState visa = (await documents.StatesAsync(this.caseId, CancellationToken.None))[DocumentType.Visa];
        Assert.Equal((1, DocumentReviewState.SentBack, "Blurred visa"), (visa.Version, visa.State, visa.Reason));
        DocumentsStatus status = await this.Activities.GetDocumentsStatus(this.caseId, new Invocation());
        Assert.Equal([DocumentType.Visa], status.SentBack);
        Assert.False(status.AllApproved);
    }

    private async Task<IReadOnlyList<OutboxEntry>> OutboxAsync() =>
        await this.services.GetRequiredService<SmsOutbox>().ListAsync(this.mobile, 50, CancellationToken.None);

    private async Task<List<TableEntity>> ReminderRowsAsync()
    {
        TableClient table = await this.services.GetRequiredService<SmsTables>().Get(this.remindersTable).GetAsync(CancellationToken.None);
        var rows = new List<TableEntity>();
        await foreach (TableEntity row in table.QueryAsync<TableEntity>((string?)null, cancellationToken: CancellationToken.None))
        {
            if (row.PartitionKey != "cursor")
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private sealed class Invocation : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString("N");

        public override string FunctionId => "activity";

        public override FunctionDefinition FunctionDefinition => throw new NotSupportedException();

        public override IServiceProvider InstanceServices { get; set; } = new ServiceCollection().BuildServiceProvider();

        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

        public override CancellationToken CancellationToken => CancellationToken.None;
    }

    private sealed class Activity(string id) : TaskActivityContext
    {
        public override string Name => CaseActivityNames.SendSms;

        public override string InstanceId => "Case";

        public override string ActivityId => id;
    }
}
