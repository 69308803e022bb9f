using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Emigrate.Tests.Portal;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Data;

/// <summary>Stage-filtered lists read the owner's list of that stage; stage changes move the case between them.</summary>
[Collection(PortalCollection.Name)]
public sealed class CaseStageListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch.AddYears(56);
    private readonly CaseTables tables = new(new TableServiceClient(azurite.ConnectionString), UniqueNames.Table("sl"));

    private CaseStore Store => new(this.tables);

    public Task InitializeAsync() => this.tables.EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => this.tables.DeleteAllAsync();

    private static NewCase Case(string passport, string csc) =>
        new(csc, "poe-kochi", passport, "9876543210", Language.English, "Asha " + passport, """{"name":"x"}""", T, T.AddDays(30), T.AddDays(90));

    private async Task<string> RegisterAsync(string passport, string csc) =>
        (await this.Store.RegisterAsync(Case(passport, csc), CancellationToken.None)).CaseId;

    private Task RecordAsync(string caseId, CaseStage stage, int minute) =>
        this.Store.RecordStageAsync(new StageChange(caseId, stage, T.AddMinutes(minute), caseId), CancellationToken.None);

    private CaseLists Lists => new(this.tables.Lists);

    /// <summary>The case ids on a list, every page of it.</summary>
    private async Task<List<string>> ListedAsync(string list)
    {
        var ids = new List<string>();
        string? token = null;
        do
        {
            CasePage page = await this.Lists.ReadAsync(list, token, 50, CancellationToken.None);
            ids.AddRange(page.Items.Select(i => i.CaseId));
            token = page.ContinuationToken;
        }
        while (token is not null);

        return ids;
    }

    /// <summary>Which stage lists of the owner hold the case.</summary>
    private async Task<List<CaseStage>> StagesIndexedAsync(string owner, string caseId)
    {
        var stages = new List<CaseStage>();
        foreach (CaseStage stage in CaseStages.All)
        {
            if (await this.Lists.EntryAsync(CaseKeys.OwnerStage(owner, stage), caseId, CancellationToken.None) is not null)
            {
                stages.Add(stage);
            }
        }

        return stages;
    }

    private async Task AssertIndexedOnlyAtAsync(string csc, string caseId, CaseStage stage)
    {
        foreach (string owner in new[] { CaseKeys.CscOwner(csc), CaseKeys.PoeOwner("poe-kochi") })
        {
            Assert.Equal(new[] { stage }, await this.StagesIndexedAsync(owner, caseId));
            Assert.Equal(stage, (await this.Lists.EntryAsync(owner, caseId, CancellationToken.None))!.Stage);
        }
    }

    [Fact]
    public async Task Registration_and_each_stage_change_keep_the_case_on_exactly_one_stage_list_per_owner()
    {
        string caseId = await this.RegisterAsync("M1000000", "csc-move");
        await this.AssertIndexedOnlyAtAsync("csc-move", caseId, CaseStage.Registered);

        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);
        await this.AssertIndexedOnlyAtAsync("csc-move", caseId, CaseStage.AwaitingDocuments);

        await this.RecordAsync(caseId, CaseStage.DocumentsVerified, 2);
        await this.AssertIndexedOnlyAtAsync("csc-move", caseId, CaseStage.DocumentsVerified);
        var item = Assert.Single((await this.Store.ListByCscAsync("csc-move", CaseStage.DocumentsVerified, null, 10, CancellationToken.None)).Items);
        Assert.Equal(("Asha M1000000", T), (item.Name, item.RegisteredAt));
    }

    [Fact]
    public async Task Re_running_a_stage_change_changes_nothing_more()
    {
        string caseId = await this.RegisterAsync("M2000000", "csc-rerun");
        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);

        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);
        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);

        await this.AssertIndexedOnlyAtAsync("csc-rerun", caseId, CaseStage.AwaitingDocuments);
        Assert.Equal(new[] { caseId }, await this.ListedAsync(CaseKeys.OwnerStage("csc-rerun", CaseStage.AwaitingDocuments)));
        Assert.Equal(new[] { caseId }, await this.ListedAsync(CaseKeys.CscOwner("csc-rerun")));
    }

    [Fact]
    public async Task A_re_run_after_a_failure_midway_takes_the_case_off_the_list_of_the_stage_it_left()
    {
        string caseId = await this.RegisterAsync("M3000000", "csc-crash");
        string owner = CaseKeys.CscOwner("csc-crash");

        // As a first run that wrote the case row and the new stage's row, then failed before moving the rest.
        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);
        var registered = new CaseListEntry(caseId, CaseStage.Registered, "Asha", T);
        await this.Lists.PutAsync(CaseKeys.OwnerStage(owner, CaseStage.Registered), registered, CancellationToken.None);
        await this.Lists.PutAsync(owner, registered, CancellationToken.None);

        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);

        await this.AssertIndexedOnlyAtAsync("csc-crash", caseId, CaseStage.AwaitingDocuments);
    }

    [Fact]
    public async Task A_late_re_run_of_an_older_change_does_not_put_the_case_back_on_its_stage_list()
    {
        string caseId = await this.RegisterAsync("M4000000", "csc-late");
        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);
        await this.RecordAsync(caseId, CaseStage.DocumentsVerified, 2);

        // Even when the older change's first run had left its stage row behind before failing.
        await this.Lists.PutAsync(CaseKeys.OwnerStage(CaseKeys.CscOwner("csc-late"), CaseStage.AwaitingDocuments), new CaseListEntry(caseId, CaseStage.AwaitingDocuments, "Asha", T), CancellationToken.None);
        await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);
        await this.RecordAsync(caseId, CaseStage.Registered, 0);

        Assert.Equal(CaseStage.DocumentsVerified, (await this.Store.FindAsync(caseId, CancellationToken.None))!.Stage);
        await this.AssertIndexedOnlyAtAsync("csc-late", caseId, CaseStage.DocumentsVerified);
        Assert.Empty((await this.Store.ListByCscAsync("csc-late", CaseStage.AwaitingDocuments, null, 10, CancellationToken.None)).Items);
        Assert.Empty((await this.Store.ListByPoeAsync("poe-kochi", CaseStage.Registered, null, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_stage_filtered_list_returns_only_full_pages_of_matching_cases()
    {
        var matching = new List<string>();
        for (int i = 0; i < 14; i++)
        {
            string caseId = await this.RegisterAsync($"P{i:D2}00000", "csc-pages");
            if (i % 2 == 1)
            {
                await this.RecordAsync(caseId, CaseStage.AwaitingDocuments, 1);
                matching.Add(caseId);
            }
        }

        var pages = new List<IReadOnlyList<CaseListItem>>();
        string? token = null;
        do
        {
            var page = await this.Store.ListByCscAsync("csc-pages", CaseStage.AwaitingDocuments, token, 3, CancellationToken.None);
            pages.Add(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        // 7 matching cases in pages of 3: 3, 3, 1 (no empty or short page before the last).
        Assert.All(pages.SkipLast(1), p => Assert.Equal(3, p.Count));
        Assert.NotEmpty(pages[^1]);
        var listed = pages.SelectMany(p => p).ToList();
        Assert.All(listed, i => Assert.Equal(CaseStage.AwaitingDocuments, i.Stage));
        Assert.Equal(matching.Order(StringComparer.Ordinal), listed.Select(i => i.CaseId).Order(StringComparer.Ordinal));
        Assert.Equal(7, (await this.Store.ListByPoeAsync("poe-kochi", CaseStage.Registered, null, 50, CancellationToken.None)).Items.Count);
    }
}
