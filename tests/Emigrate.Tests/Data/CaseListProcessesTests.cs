using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Emigrate.Tests.Portal;
using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Emigrate.Tests.Data;

/// <summary>
/// Two <see cref="CaseStore"/>/<see cref="CaseLists"/> instances stand for two processes: each combines its own changes
/// and caches the rows it wrote, so each keeps writing on rows the other has changed. Every list must end exact.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseListProcessesTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch.AddYears(56);
    private readonly CaseTables tables = new(new TableServiceClient(azurite.ConnectionString), UniqueNames.Table("lp"));

    public Task InitializeAsync() => this.tables.EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => this.tables.DeleteAllAsync();

    private static CaseListEntry Entry(int n, CaseStage stage = CaseStage.Registered) => new($"case-{n:D4}", stage, "Name " + n, T.AddMinutes(n));

    private static StageChange Change(string caseId, CaseStage stage, int minute) => new(caseId, stage, T.AddMinutes(minute), caseId);

    /// <summary>Every entry of the list, through its continuation tokens, as a fresh reader sees it.</summary>
    private async Task<List<CaseListItem>> ListedAsync(string list)
    {
        var lists = new CaseLists(this.tables.Lists);
        var items = new List<CaseListItem>();
        string? token = null;
        do
        {
            CasePage page = await lists.ReadAsync(list, token, 7, CancellationToken.None);
            items.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return items;
    }

    [Fact]
    public async Task Two_processes_joining_updating_and_leaving_one_list_at_once_leave_each_case_once_with_its_last_entry()
    {
        var one = new CaseLists(this.tables.Lists);
        var two = new CaseLists(this.tables.Lists);
        var entries = Enumerable.Range(0, 230).Select(n => Entry(n)).ToList();

        // Every case joins through both, at once, past page row boundaries.
        await Task.WhenAll(entries.SelectMany(e => new[] { one.PutAsync("csc-two", e, CancellationToken.None), two.PutAsync("csc-two", e, CancellationToken.None) }));

        // Then, at once: a third leave (through both), a third change stage (through both), the rest join again.
        var leaving = entries.Where((_, i) => i % 3 == 0).ToList();
        var moving = entries.Where((_, i) => i % 3 == 1).Select(e => e with { Stage = CaseStage.AwaitingDocuments }).ToList();
        var staying = entries.Where((_, i) => i % 3 == 2).ToList();
        await Task.WhenAll(
            leaving.SelectMany(e => new[] { one.RemoveAsync("csc-two", e.CaseId, CancellationToken.None), two.RemoveAsync("csc-two", e.CaseId, CancellationToken.None) })
                .Concat(moving.Select((e, i) => (i % 2 == 0 ? one : two).PutAsync("csc-two", e, CancellationToken.None)))
                .Concat(staying.Select((e, i) => (i % 2 == 0 ? two : one).PutAsync("csc-two", e, CancellationToken.None))));

        var expected = moving.Concat(staying).OrderBy(e => e.CaseId, StringComparer.Ordinal).Select(e => e.ToItem()).ToList();
        Assert.Equal(expected, (await this.ListedAsync("csc-two")).OrderBy(i => i.CaseId, StringComparer.Ordinal).ToList());
        var fresh = new CaseLists(this.tables.Lists);
        foreach (CaseListEntry gone in leaving)
        {
            Assert.Null(await fresh.EntryAsync("csc-two", gone.CaseId, CancellationToken.None));
        }

        foreach (CaseListEntry kept in moving.Concat(staying))
        {
            Assert.Equal(kept.ToItem(), (await fresh.EntryAsync("csc-two", kept.CaseId, CancellationToken.None))?.ToItem());
        }
    }

    [Fact]
    public async Task A_conditional_put_through_a_process_whose_rows_are_stale_is_refused_and_a_fresh_one_lands()
    {
        var one = new CaseLists(this.tables.Lists);
        var two = new CaseLists(this.tables.Lists);
        await one.PutAsync("poe|cond", Entry(1), CancellationToken.None);
        Assert.Equal(CaseStage.Registered, (await one.KnownEntryAsync("poe|cond", Entry(1).CaseId, CancellationToken.None))?.Stage);

        // The other process moves the case on; the first still holds the row it wrote.
        Assert.True(await two.PutIfShowingAsync("poe|cond", Entry(1, CaseStage.AwaitingDocuments), CaseStage.Registered, CancellationToken.None));

        Assert.False(await one.PutIfShowingAsync("poe|cond", Entry(1, CaseStage.DocumentsVerified), CaseStage.Registered, CancellationToken.None));
        Assert.False(await one.PutIfShowingAsync("poe|cond", Entry(2, CaseStage.DocumentsVerified), CaseStage.Registered, CancellationToken.None));
        Assert.Equal(CaseStage.AwaitingDocuments, (await one.KnownEntryAsync("poe|cond", Entry(1).CaseId, CancellationToken.None))?.Stage);
        Assert.True(await one.PutIfShowingAsync("poe|cond", Entry(1, CaseStage.DocumentsVerified), CaseStage.AwaitingDocuments, CancellationToken.None));
        Assert.True(await one.PutIfShowingAsync("poe|cond", Entry(2), null, CancellationToken.None));

        Assert.Equal(new[] { Entry(1, CaseStage.DocumentsVerified).ToItem(), Entry(2).ToItem() }, await this.ListedAsync("poe|cond"));
    }

    [Fact]
    public async Task A_put_or_remove_that_looks_done_on_a_processs_stale_rows_is_checked_on_fresh_ones()
    {
        var one = new CaseLists(this.tables.Lists);
        var two = new CaseLists(this.tables.Lists);
        await one.PutAsync("csc-stale", Entry(1), CancellationToken.None);
        await one.PutAsync("csc-stale", Entry(2), CancellationToken.None);

        // The other process changes one entry and takes the other off, then puts it back; the first holds the
        // rows it wrote, on which a repeat of its own puts looks done.
        await two.PutAsync("csc-stale", Entry(1, CaseStage.Withdrawn), CancellationToken.None);
        await two.RemoveAsync("csc-stale", Entry(2).CaseId, CancellationToken.None);
        await two.PutAsync("csc-stale", Entry(2, CaseStage.Withdrawn), CancellationToken.None);
        await one.PutAsync("csc-stale", Entry(1), CancellationToken.None);
        await one.PutAsync("csc-stale", Entry(2), CancellationToken.None);
        Assert.Equal(new[] { Entry(1).ToItem(), Entry(2).ToItem() }, await this.ListedAsync("csc-stale"));

        // A remove on stale rows: the member row the first process holds names a page that lost the case.
        await two.RemoveAsync("csc-stale", Entry(1).CaseId, CancellationToken.None);
        await one.RemoveAsync("csc-stale", Entry(1).CaseId, CancellationToken.None);
        await two.PutAsync("csc-stale", Entry(3), CancellationToken.None);
        await one.RemoveAsync("csc-stale", Entry(3).CaseId, CancellationToken.None);
        Assert.Equal(new[] { Entry(2).ToItem() }, await this.ListedAsync("csc-stale"));
    }

    [Fact]
    public async Task A_change_of_a_list_whose_table_is_missing_fails_instead_of_retrying()
    {
        var lists = new CaseLists(new TableServiceClient(azurite.ConnectionString).GetTableClient(UniqueNames.Table("none")));

        // The wait only guards against a retry loop that would never end; it measures nothing.
        var failure = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => lists.PutAsync("csc-none", Entry(1), CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(404, failure.Status);
        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => lists.RemoveAsync("csc-none", Entry(1).CaseId, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task Stage_changes_of_one_cscs_cases_recorded_through_two_processes_at_once_leave_every_list_exact()
    {
        var one = new CaseStore(this.tables);
        var two = new CaseStore(this.tables);
        var ids = new List<string>();
        foreach (int i in Enumerable.Range(0, 24))
        {
            CaseStore registrar = i % 2 == 0 ? one : two;
            ids.Add((await registrar.RegisterAsync(new NewCase("csc-pair", "poe-pair", $"Q{i:D2}00000", $"98765433{i:D2}", Language.English, "Asha " + i, """{"name":"x"}""", T, T.AddDays(30), T.AddDays(90)), CancellationToken.None)).CaseId);
        }

        // Every change through both processes at once (a re-run elsewhere), then half the cases on again, then late
        // re-runs of the first changes through the process that did not make the second.
        await Task.WhenAll(ids.SelectMany(id => new[] { one, two }.Select(p => p.RecordStageAsync(Change(id, CaseStage.AwaitingDocuments, 1), CancellationToken.None))));
        var onward = ids.Where((_, i) => i % 2 == 0).ToList();
        await Task.WhenAll(onward.Select((id, i) => (i % 2 == 0 ? one : two).RecordStageAsync(Change(id, CaseStage.DocumentsVerified, 2), CancellationToken.None)));
        await Task.WhenAll(onward.Select((id, i) => (i % 2 == 0 ? two : one).RecordStageAsync(Change(id, CaseStage.AwaitingDocuments, 1), CancellationToken.None))
            .Concat(ids.Except(onward).Select((id, i) => (i % 2 == 0 ? one : two).RecordStageAsync(Change(id, CaseStage.AwaitingDocuments, 1), CancellationToken.None))));

        foreach (string owner in new[] { CaseKeys.CscOwner("csc-pair"), CaseKeys.PoeOwner("poe-pair") })
        {
            Assert.Empty(await this.ListedAsync(CaseKeys.OwnerStage(owner, CaseStage.Registered)));
            Assert.Equal(ids.Except(onward).Order(), (await this.ListedAsync(CaseKeys.OwnerStage(owner, CaseStage.AwaitingDocuments))).Select(i => i.CaseId).Order());
            Assert.Equal(onward.Order(), (await this.ListedAsync(CaseKeys.OwnerStage(owner, CaseStage.DocumentsVerified))).Select(i => i.CaseId).Order());
            var all = await this.ListedAsync(owner);
            Assert.Equal(ids, all.Select(i => i.CaseId));
            Assert.All(all, i => Assert.Equal(onward.Contains(i.CaseId) ? CaseStage.DocumentsVerified : CaseStage.AwaitingDocuments, i.Stage));
        }
    }
}
