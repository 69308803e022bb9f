using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Emigrate.Tests.Portal;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Data;

/// <summary>Lists as page rows: concurrent changes, repeats and paging keep every case on its lists exactly once.</summary>
[Collection(PortalCollection.Name)]
public sealed class CaseListsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch.AddYears(56);
    private readonly CaseTables tables = new(new TableServiceClient(azurite.ConnectionString), UniqueNames.Table("ls"));

    private CaseStore Store => new(this.tables);

    private CaseLists Lists => new(this.tables.Lists);

    public Task InitializeAsync() => this.tables.EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => this.tables.DeleteAllAsync();

    private static CaseListEntry Entry(int n) => new($"case-{n:D4}", CaseStage.Registered, "Name " + n, T.AddMinutes(n));

    /// <summary>Every page of the list at <paramref name="pageSize"/>, as read through the continuation tokens.</summary>
    private async Task<List<IReadOnlyList<CaseListItem>>> PagesAsync(string list, int pageSize)
    {
        var pages = new List<IReadOnlyList<CaseListItem>>();
        string? token = null;
        do
        {
            CasePage page = await this.Lists.ReadAsync(list, token, pageSize, CancellationToken.None);
            pages.Add(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return pages;
    }

    private async Task<List<string>> ListedAsync(string list) =>
        (await this.PagesAsync(list, 50)).SelectMany(p => p).Select(i => i.CaseId).ToList();

    [Fact]
    public async Task Concurrent_joins_past_a_page_row_boundary_put_each_case_on_the_list_once()
    {
        var entries = Enumerable.Range(0, 230).Select(Entry).ToList();

        // Every case twice, all at once: the last page fills and new ones open under contention.
        await Task.WhenAll(entries.Concat(entries).Select(e => this.Lists.PutAsync("csc-crowd", e, CancellationToken.None)));

        var listed = await this.ListedAsync("csc-crowd");
        Assert.Equal(entries.Select(e => e.CaseId).Order(), listed.Order());
    }

    [Fact]
    public async Task A_read_stops_at_its_page_row_cap_and_its_token_goes_on_from_there()
    {
        var entries = Enumerable.Range(0, 750).Select(Entry).ToList();
        await this.Lists.AppendAsync("poe|long", entries, CancellationToken.None);

        var pages = await this.PagesAsync("poe|long", 1000);

        Assert.Equal([CaseLists.MaxPagesPerRead * CaseListPage.MaxEntries, 750 - (CaseLists.MaxPagesPerRead * CaseListPage.MaxEntries)], pages.Select(p => p.Count));
        Assert.Equal(entries.Select(e => e.CaseId), pages.SelectMany(p => p).Select(i => i.CaseId));
    }

    [Fact]
    public async Task Paging_through_a_list_with_holes_returns_each_case_once_in_full_pages()
    {
        var entries = Enumerable.Range(0, 260).Select(Entry).ToList();
        await this.Lists.AppendAsync("poe|holes", entries, CancellationToken.None);

        // Empty the first page row entirely (it is deleted) and thin the others.
        var gone = entries.Where((_, i) => i < 100 || i % 3 == 0).Select(e => e.CaseId).ToHashSet();
        await Task.WhenAll(gone.Select(id => this.Lists.RemoveAsync("poe|holes", id, CancellationToken.None)));
        await this.Lists.RemoveAsync("poe|holes", entries[0].CaseId, CancellationToken.None);

        var pages = await this.PagesAsync("poe|holes", 25);
        var listed = pages.SelectMany(p => p).Select(i => i.CaseId).ToList();
        Assert.Equal(entries.Select(e => e.CaseId).Where(id => !gone.Contains(id)), listed);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(25, p.Count));
        Assert.NotEmpty(pages[^1]);
        Assert.Equal(("Name 100", T.AddMinutes(100)), (pages[0][0].Name, pages[0][0].RegisteredAt));
    }

    [Fact]
    public async Task Entries_removed_before_a_continuation_token_do_not_shift_the_next_page()
    {
        var entries = Enumerable.Range(0, 30).Select(Entry).ToList();
        await this.Lists.AppendAsync("csc-shift", entries, CancellationToken.None);
        CasePage first = await this.Lists.ReadAsync("csc-shift", null, 10, CancellationToken.None);

        foreach (CaseListItem seen in first.Items.Take(5))
        {
            await this.Lists.RemoveAsync("csc-shift", seen.CaseId, CancellationToken.None);
        }

        CasePage second = await this.Lists.ReadAsync("csc-shift", first.ContinuationToken, 10, CancellationToken.None);
        Assert.Equal(entries.Skip(10).Take(10).Select(e => e.CaseId), second.Items.Select(i => i.CaseId));
    }

    [Fact]
    public async Task A_token_the_list_did_not_give_out_is_refused()
    {
        await Assert.ThrowsAsync<FormatException>(() => this.Lists.ReadAsync("csc-x", "not-a-token", 10, CancellationToken.None));
        Assert.Empty((await this.Lists.ReadAsync("csc-none", null, 10, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task Many_cases_of_one_csc_changing_stage_at_once_each_stay_on_exactly_the_lists_of_their_stage()
    {
        var ids = new List<string>();
        foreach (int i in Enumerable.Range(0, 24))
        {
            ids.Add((await this.Store.RegisterAsync(new NewCase("csc-busy", "poe-kochi", $"B{i:D2}00000", $"98765432{i:D2}", Language.English, "Asha " + i, """{"name":"x"}""", T, T.AddDays(30), T.AddDays(90)), CancellationToken.None)).CaseId);
        }

        StageChange Change(string id, CaseStage stage, int minute) => new(id, stage, T.AddMinutes(minute), id);

        // All move at once, each change run twice (an activity re-run); then half move on, again at once.
        await Task.WhenAll(ids.SelectMany(id => new[] { Change(id, CaseStage.AwaitingDocuments, 1), Change(id, CaseStage.AwaitingDocuments, 1) })
            .Select(c => this.Store.RecordStageAsync(c, CancellationToken.None)));
        var onward = ids.Where((_, i) => i % 2 == 0).ToList();
        await Task.WhenAll(onward.SelectMany(id => new[] { Change(id, CaseStage.DocumentsVerified, 2), Change(id, CaseStage.DocumentsVerified, 2) })
            .Select(c => this.Store.RecordStageAsync(c, CancellationToken.None)));

        foreach (string owner in new[] { CaseKeys.CscOwner("csc-busy"), CaseKeys.PoeOwner("poe-kochi") })
        {
            Assert.Empty(await this.ListedAsync(CaseKeys.OwnerStage(owner, CaseStage.Registered)));
            Assert.Equal(ids.Except(onward).Order(), (await this.ListedAsync(CaseKeys.OwnerStage(owner, CaseStage.AwaitingDocuments))).Order());
            Assert.Equal(onward.Order(), (await this.ListedAsync(CaseKeys.OwnerStage(owner, CaseStage.DocumentsVerified))).Order());
            var all = (await this.PagesAsync(owner, 5)).SelectMany(p => p).ToList();
            Assert.Equal(ids.Order(), all.Select(i => i.CaseId).Order());
            Assert.All(all, i => Assert.Equal(onward.Contains(i.CaseId) ? CaseStage.DocumentsVerified : CaseStage.AwaitingDocuments, i.Stage));
        }

        var listed = await this.Store.ListByCscAsync("csc-busy", CaseStage.DocumentsVerified, null, 50, CancellationToken.None);
        Assert.Equal(onward.Order(), listed.Items.Select(i => i.CaseId).Order());
    }
}
