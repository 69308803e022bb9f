using Azure.Core;
using Azure.Core.Pipeline;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;
using Emigrate.Orchestrations;
using Emigrate.Tests.Portal;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Data;

[Collection(PortalCollection.Name)]
public sealed class CaseStoreTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite;
    private readonly string prefix = UniqueNames.Table("s");
    private readonly CaseTables tables;

    public CaseStoreTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        this.tables = new(new TableServiceClient(azurite.ConnectionString), this.prefix);
    }

    private CaseStore Store => new(this.tables);

    public Task InitializeAsync() => this.tables.EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => this.tables.DeleteAllAsync();

    private static NewCase Case(string passport, string csc = "csc-1", string mobile = "9876543210", DateTimeOffset? at = null) =>
        new(csc, "poe-mumbai", passport, mobile, Language.English, "Asha", """{"name":"x"}""", at ?? DateTimeOffset.UnixEpoch.AddYears(56), DateTimeOffset.UnixEpoch.AddYears(57), DateTimeOffset.UnixEpoch.AddYears(58));

    private static MobileNumber Mobile(string text) => MobileNumber.TryParse(text, out MobileNumber? mobile) ? mobile : throw new ArgumentException(text);

    [Fact]
    public async Task Concurrent_registrations_of_one_passport_create_exactly_one_case()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => this.Store.RegisterAsync(Case("K7777777"), CancellationToken.None)));

        var created = Assert.Single(outcomes, o => o.Created);
        Assert.All(outcomes.Where(o => !o.Created), o => Assert.Equal(created.CaseId, o.CaseId));
        Assert.NotNull(await this.Store.FindAsync(created.CaseId, CancellationToken.None));
    }

    [Fact]
    public async Task A_case_that_ended_frees_its_passport_for_a_new_registration()
    {
        var first = await this.Store.RegisterAsync(Case("K8888888"), CancellationToken.None);
        await this.Store.RecordStageAsync(new StageChange(first.CaseId, CaseStage.Withdrawn, DateTimeOffset.UnixEpoch.AddYears(56), first.CaseId, "moved"), CancellationToken.None);

        var second = await this.Store.RegisterAsync(Case("K8888888"), CancellationToken.None);

        Assert.True(second.Created);
        Assert.NotEqual(first.CaseId, second.CaseId);
    }

    [Fact]
    public async Task Recording_a_stage_twice_leaves_one_timeline_entry_and_updates_the_owner_indexes()
    {
        var registered = await this.Store.RegisterAsync(Case("K9999999"), CancellationToken.None);
        var change = new StageChange(registered.CaseId, CaseStage.AwaitingDocuments, DateTimeOffset.UnixEpoch.AddYears(56), "child", null, new Dictionary<string, string> { ["Arn"] = "A1" });
        await this.Store.RecordStageAsync(change, CancellationToken.None);
        await this.Store.RecordStageAsync(change, CancellationToken.None);

        var record = (await this.Store.FindAsync(registered.CaseId, CancellationToken.None))!;
        Assert.Equal(CaseStage.AwaitingDocuments, record.Stage);
        Assert.Equal("child", record.EventTarget);
        Assert.Equal("A1", record.Facts["Arn"]);
        Assert.Single(await this.Store.TimelineAsync(registered.CaseId, CancellationToken.None));
        var page = await this.Store.ListByCscAsync("csc-1", CaseStage.AwaitingDocuments, null, 10, CancellationToken.None);
        Assert.Contains(page.Items, i => i.CaseId == registered.CaseId);
        Assert.Empty((await this.Store.ListByPoeAsync("poe-mumbai", CaseStage.Insured, null, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_late_rerun_of_an_older_stage_change_does_not_roll_the_case_or_its_lists_back()
    {
        var registered = await this.Store.RegisterAsync(Case("K6666666", csc: "csc-late"), CancellationToken.None);
        var t = DateTimeOffset.UnixEpoch.AddYears(56);
        var older = new StageChange(registered.CaseId, CaseStage.AwaitingDocuments, t.AddMinutes(1), registered.CaseId, null);
        var newer = new StageChange(registered.CaseId, CaseStage.DocumentsVerified, t.AddMinutes(2), registered.CaseId, null);
        await this.Store.RecordStageAsync(older, CancellationToken.None);
        await this.Store.RecordStageAsync(newer, CancellationToken.None);

        await this.Store.RecordStageAsync(older, CancellationToken.None);

        Assert.Equal(CaseStage.DocumentsVerified, (await this.Store.FindAsync(registered.CaseId, CancellationToken.None))!.Stage);
        Assert.Contains((await this.Store.ListByCscAsync("csc-late", CaseStage.DocumentsVerified, null, 10, CancellationToken.None)).Items, i => i.CaseId == registered.CaseId);
        Assert.Empty((await this.Store.ListByCscAsync("csc-late", CaseStage.AwaitingDocuments, null, 10, CancellationToken.None)).Items);
        Assert.DoesNotContain((await this.Store.ListByPoeAsync("poe-mumbai", CaseStage.AwaitingDocuments, null, 10, CancellationToken.None)).Items, i => i.CaseId == registered.CaseId);
        Assert.Equal(2, (await this.Store.TimelineAsync(registered.CaseId, CancellationToken.None)).Count);
        Assert.Equal(CaseStage.DocumentsVerified, (await this.Store.FindLatestByMobileAsync(Mobile("9876543210"), CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task A_stage_change_reaches_the_sms_lookup_before_the_case_row_so_sms_is_never_behind_the_portal()
    {
        var registered = await this.Store.RegisterAsync(Case("P1000000", csc: "csc-sms", mobile: "9123456782") with { Language = Language.Hindi }, CancellationToken.None);
        var change = new StageChange(registered.CaseId, CaseStage.AwaitingDocuments, DateTimeOffset.UnixEpoch.AddYears(56).AddMinutes(1), registered.CaseId, null);

        // A process that dies as it writes the case row: whatever it wrote before must already show the new stage.
        var failing = new StorageClientOptions();
        failing.AddPolicy(new FailCaseRowWrites(), HttpPipelinePosition.PerCall);
        var dying = new CaseStore(new CaseTables(new TableServiceClient(this.azurite.ConnectionString, failing), this.prefix));
        await Assert.ThrowsAsync<InvalidOperationException>(() => dying.RecordStageAsync(change, CancellationToken.None));

        Assert.Equal(CaseStage.Registered, (await this.Store.FindAsync(registered.CaseId, CancellationToken.None))!.Stage);
        var latest = (await this.Store.FindLatestByMobileAsync(Mobile("9123456782"), CancellationToken.None))!;
        Assert.Equal((registered.CaseId, CaseStage.AwaitingDocuments, Language.Hindi, "csc-sms", "poe-mumbai", "9123456782"), (latest.CaseId.Value, latest.Stage, latest.Language, latest.CscId, latest.PoeOffice, latest.Mobile.Value));

        // The re-run the orchestration makes lands the case row; the copy stays.
        await this.Store.RecordStageAsync(change, CancellationToken.None);
        Assert.Equal(CaseStage.AwaitingDocuments, (await this.Store.FindAsync(registered.CaseId, CancellationToken.None))!.Stage);
        Assert.Equal(CaseStage.AwaitingDocuments, (await this.Store.FindLatestByMobileAsync(Mobile("9123456782"), CancellationToken.None))!.Stage);
    }

    [Fact]
    public async Task A_mobile_row_without_the_stage_copy_is_answered_from_the_case_row()
    {
        var registered = await this.Store.RegisterAsync(Case("P2000000", csc: "csc-sms", mobile: "9123456783"), CancellationToken.None);
        await this.Store.RecordStageAsync(new StageChange(registered.CaseId, CaseStage.AwaitingDocuments, DateTimeOffset.UnixEpoch.AddYears(56).AddMinutes(1), registered.CaseId, null), CancellationToken.None);

        // As rows written before the copy existed: the facts that never change, no stage.
        var row = (await this.tables.ByMobile.GetEntityAsync<TableEntity>("9123456783", CaseKeys.LatestOfMobileRow("9123456783"))).Value;
        row.Remove("Stage");
        row.Remove("StageAt");
        await this.tables.ByMobile.UpdateEntityAsync(row, Azure.ETag.All, TableUpdateMode.Replace);

        Assert.Equal(CaseStage.AwaitingDocuments, (await this.Store.FindLatestByMobileAsync(Mobile("9123456783"), CancellationToken.None))!.Stage);
    }

    /// <summary>Fails every write of a Cases row (the table whose name ends in <c>Cases</c>), before it is sent.</summary>
    private sealed class FailCaseRowWrites : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Uri.Path.Contains("Cases(", StringComparison.Ordinal) && message.Request.Method != RequestMethod.Get)
            {
                throw new InvalidOperationException("The process died as it wrote the case row.");
            }
        }
    }

    /// <summary>The case the mobile's latest-case row names (what the SMS lookup reads, before it reads that case).</summary>
    private async Task<string?> LatestOfMobileAsync(string mobile) =>
        (await this.tables.ByMobile.GetEntityIfExistsAsync<TableEntity>(mobile, CaseKeys.LatestOfMobileRow(mobile))).Value?.GetString("CaseId");

    [Fact]
    public async Task The_latest_case_of_a_mobile_is_the_last_registered_whatever_order_the_registrations_land_in()
    {
        var t = DateTimeOffset.UnixEpoch.AddYears(56);
        var later = await this.Store.RegisterAsync(Case("N1000000", mobile: "9123456780", at: t.AddDays(2)), CancellationToken.None);
        await this.Store.RegisterAsync(Case("N2000000", mobile: "9123456780", at: t.AddDays(1)), CancellationToken.None);

        Assert.Equal(later.CaseId, await this.LatestOfMobileAsync("9123456780"));

        var latest = await this.Store.RegisterAsync(Case("N3000000", mobile: "9123456780", at: t.AddDays(3)), CancellationToken.None);
        Assert.Equal(latest.CaseId, await this.LatestOfMobileAsync("9123456780"));
        Assert.Null(await this.Store.FindLatestByMobileAsync(Mobile("9123456781"), CancellationToken.None));
    }

    [Fact]
    public async Task Case_lists_page_with_continuation_tokens()
    {
        for (int i = 0; i < 5; i++)
        {
            await this.Store.RegisterAsync(Case($"L{i}000000", csc: "csc-pages"), CancellationToken.None);
        }

        var seen = new List<string>();
        string? token = null;
        do
        {
            var page = await this.Store.ListByCscAsync("csc-pages", null, token, 2, CancellationToken.None);
            Assert.True(page.Items.Count <= 2);
            seen.AddRange(page.Items.Select(i => i.CaseId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        Assert.Equal(5, seen.Distinct().Count());
    }

    [Fact]
    public async Task Concurrent_stage_changes_of_one_case_each_land_in_its_timeline_and_the_latest_stage_wins()
    {
        var registered = await this.Store.RegisterAsync(Case("T1000000", csc: "csc-timeline"), CancellationToken.None);
        var t = DateTimeOffset.UnixEpoch.AddYears(56);
        CaseStage[] stages = [CaseStage.AwaitingDocuments, CaseStage.DocumentsSentBack, CaseStage.AwaitingDocuments, CaseStage.DocumentsVerified, CaseStage.MedicalBooked, CaseStage.MedicalFit, CaseStage.InsuranceRequested, CaseStage.Insured];
        var changes = stages.Select((stage, i) => new StageChange(registered.CaseId, stage, t.AddMinutes(i), registered.CaseId, "step " + i)).ToList();

        await Task.WhenAll(changes.Concat(changes).Select(c => this.Store.RecordStageAsync(c, CancellationToken.None)));

        var record = (await this.Store.FindAsync(registered.CaseId, CancellationToken.None))!;
        Assert.Equal(CaseStage.Insured, record.Stage);
        Assert.Equal(changes.Select(c => (c.Stage, c.At, c.Note)), record.Timeline.Select(e => (e.Stage, e.At, e.Note)));
        Assert.Equal(CaseStage.Insured, (await this.Store.FindLatestByMobileAsync(Mobile("9876543210"), CancellationToken.None))!.Stage);
    }
}
