using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;
using Emigrate.Orchestrations;
using Emigrate.Tests.Portal;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Data;

[Collection(PortalCollection.Name)]
public sealed class CaseStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly CaseTables tables = new(new TableServiceClient(azurite.ConnectionString), UniqueNames.Table("s"));

    private CaseStore Store => new(this.tables);

    public Task InitializeAsync() => this.tables.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        foreach (var table in this.tables.All)
        {
            await table.DeleteAsync();
        }
    }

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
    public async Task The_sms_lookup_answers_with_the_stage_the_case_row_holds_the_moment_it_is_written()
    {
        var registered = await this.Store.RegisterAsync(Case("P1000000", csc: "csc-sms", mobile: "9123456782") with { Language = Language.Hindi }, CancellationToken.None);

        // Only the case row moves (as in the instant after a stage change wrote it, before any index followed).
        await this.tables.Cases.UpdateEntityAsync(new TableEntity(registered.CaseId, CaseKeys.CaseRow(registered.CaseId)) { ["Stage"] = CaseStage.AwaitingDocuments.WireName() }, Azure.ETag.All, TableUpdateMode.Merge);
        var latest = (await this.Store.FindLatestByMobileAsync(Mobile("9123456782"), CancellationToken.None))!;

        Assert.Equal((registered.CaseId, CaseStage.AwaitingDocuments, Language.Hindi, "csc-sms", "poe-mumbai", "9123456782"), (latest.CaseId.Value, latest.Stage, latest.Language, latest.CscId, latest.PoeOffice, latest.Mobile.Value));
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
