using Azure.Core;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Emigrate.Tests.Portal;
using Serverless.Storage;
using Serverless.Storage.Tables;
using Serverless.Testing;
using Xunit.Abstractions;

namespace Emigrate.Tests.Data;

/// <summary>
/// The list requests a stage change costs (counted at the table client, retries included; bounds, never times). The
/// counts are printed for comparison; a stage change cost 24 list requests (12 per owner) before write combining and
/// the row cache, and N changes of one CSC at once more than 24 N with the conflicts on its page rows.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class CaseListBudgetTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch.AddYears(56);
    private readonly CaseTables tables;
    private readonly ListRequestCounter counter;
    private readonly ITestOutputHelper output;

    public CaseListBudgetTests(AzuriteFixture azurite, ITestOutputHelper output)
    {
        string prefix = UniqueNames.Table("lb");
        this.counter = new ListRequestCounter(prefix + "CaseLists");
        var options = new StorageClientOptions();
        options.AddPolicy(this.counter, HttpPipelinePosition.PerRetry);
        this.tables = new CaseTables(new TableServiceClient(azurite.ConnectionString, options), prefix);
        this.output = output;
    }

    public Task InitializeAsync() => this.tables.EnsureCreatedAsync(CancellationToken.None);

    public Task DisposeAsync() => this.tables.DeleteAllAsync();

    private static NewCase Case(int n, string csc) =>
        new(csc, "poe-kochi", $"L{n:D3}0000", $"98765{n:D5}", Language.English, "Asha " + n, """{"name":"x"}""", T, T.AddDays(30), T.AddDays(90));

    private static StageChange Change(string caseId, CaseStage stage, int minute) => new(caseId, stage, T.AddMinutes(minute), caseId);

    private async Task<List<string>> RegisterAsync(CaseStore store, string csc, int count)
    {
        var ids = new List<string>();
        foreach (int n in Enumerable.Range(0, count))
        {
            ids.Add((await store.RegisterAsync(Case(n, csc), CancellationToken.None)).CaseId);
        }

        return ids;
    }

    /// <summary>The list requests <paramref name="work"/> sent.</summary>
    private async Task<long> CountAsync(string what, Func<Task> work)
    {
        long before = this.counter.Count;
        await work();
        long spent = this.counter.Count - before;
        this.output.WriteLine($"{what}: {spent} list requests");
        return spent;
    }

    private async Task AssertListedAsync(string csc, IReadOnlyCollection<string> ids, CaseStage stage)
    {
        var lists = new CaseLists(this.tables.Lists);
        foreach (string owner in new[] { CaseKeys.CscOwner(csc), CaseKeys.PoeOwner("poe-kochi") })
        {
            CasePage all = await lists.ReadAsync(owner, null, 100, CancellationToken.None);
            Assert.Equal(ids.Order(), all.Items.Select(i => i.CaseId).Order());
            Assert.All(all.Items, i => Assert.Equal(stage, i.Stage));
            Assert.Equal(ids.Order(), (await lists.ReadAsync(CaseKeys.OwnerStage(owner, stage), null, 100, CancellationToken.None)).Items.Select(i => i.CaseId).Order());
            Assert.Empty((await lists.ReadAsync(CaseKeys.OwnerStage(owner, CaseStage.Registered), null, 100, CancellationToken.None)).Items);
        }
    }

    [Fact]
    public async Task A_stage_change_in_the_process_that_last_wrote_the_lists_costs_four_list_requests_per_owner()
    {
        var store = new CaseStore(this.tables);
        string caseId = (await this.RegisterAsync(store, "csc-one", 1))[0];

        long spent = await this.CountAsync("one change, warm", () => store.RecordStageAsync(Change(caseId, CaseStage.AwaitingDocuments, 1), CancellationToken.None));

        // Per owner: the new stage list's head (none yet) and its insert; the old stage list's cut (its only page,
        // so the head too) in one transaction; the all-stages entry's update. Nothing is read that this process wrote.
        Assert.InRange(spent, 1, 8);
        await this.AssertListedAsync("csc-one", [caseId], CaseStage.AwaitingDocuments);
    }

    [Fact]
    public async Task A_stage_change_in_a_process_that_never_saw_the_lists_reads_each_row_once()
    {
        string caseId = (await this.RegisterAsync(new CaseStore(this.tables), "csc-cold", 1))[0];

        long spent = await this.CountAsync("one change, cold", () => new CaseStore(this.tables).RecordStageAsync(Change(caseId, CaseStage.AwaitingDocuments, 1), CancellationToken.None));

        // Per owner: the all-stages member and page (read once, their ETag reused for the update), the new stage
        // list's head and insert, the old stage list's member, page and head and its cut: 9, where it was 12.
        Assert.InRange(spent, 1, 18);
        await this.AssertListedAsync("csc-cold", [caseId], CaseStage.AwaitingDocuments);
    }

    [Fact]
    public async Task Many_changes_of_one_cscs_cases_at_once_share_their_list_writes()
    {
        const int count = 16;
        var store = new CaseStore(this.tables);
        List<string> ids = await this.RegisterAsync(store, "csc-many", count);

        long first = await this.CountAsync($"{count} changes at once", () =>
            Task.WhenAll(ids.Select(id => store.RecordStageAsync(Change(id, CaseStage.AwaitingDocuments, 1), CancellationToken.None))));
        await this.AssertListedAsync("csc-many", ids, CaseStage.AwaitingDocuments);
        long second = await this.CountAsync($"{count} changes at once, again", () =>
            Task.WhenAll(ids.Select(id => store.RecordStageAsync(Change(id, CaseStage.DocumentsVerified, 2), CancellationToken.None))));
        await this.AssertListedAsync("csc-many", ids, CaseStage.DocumentsVerified);

        // Alone, each change would cost 8 (the test above): combined, the cases moving at once share transactions
        // and never race one another for a page row. Before, each cost 24 and more with the retries.
        Assert.InRange(first, 1, count * 8);
        Assert.InRange(second, 1, count * 8);
    }
}
