using Azure;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>
/// One read-modify-write of a list partition covering several cases' changes: the rows they need, read once (from
/// <see cref="CaseListRowCache"/> unless <c>fresh</c>), then one entity-group transaction over every row it changes,
/// each write ETag-guarded (an append's member row is an insert, so it fails if the case is on the list already).
/// </summary>
/// <remarks>
/// A change whose outcome would be "write nothing" (a repeat, a failed condition, a member row naming a page without
/// the case) is not decided on cached rows, which nothing would then check: it is deferred to a fresh attempt.
/// </remarks>
internal sealed class CaseListBatch(TableClient table, CaseListRowCache cache, string list, bool fresh)
{
    private readonly Dictionary<long, PageState> pages = [];
    private readonly Dictionary<long, Task<PageState>> loads = [];
    private readonly List<TableTransactionAction> memberActions = [];
    private readonly List<(CaseListChange Change, bool Applied)> decided = [];
    private readonly List<CaseListChange> deferred = [];

    /// <summary>
    /// Applies the changes (one per case). Returns the changes decided (true: written or already so; false: the
    /// condition did not hold), completed only once the transaction is in, and the changes to try again fresh.
    /// </summary>
    /// <exception cref="RequestFailedException">404, 409 or 412: another writer changed a row read here.</exception>
    public async Task<(List<(CaseListChange Change, bool Applied)> Decided, List<CaseListChange> Deferred)> ApplyAsync(IReadOnlyList<CaseListChange> changes)
    {
        Dictionary<string, (TableEntity? Row, bool Cached)> members = await this.MembersAsync(changes);
        await Task.WhenAll(members.Values.Select(m => m.Row?.GetInt64(CaseLists.PageProperty)).OfType<long>().Distinct().Select(this.PageAsync));

        var appends = new List<(CaseListChange Change, TableEntity? Stray)>();
        foreach (CaseListChange change in changes)
        {
            (TableEntity? member, bool cached) = members[change.CaseId];
            if (this.ApplyInPlace(change, member, cached) is { } append)
            {
                appends.Add((change, append.Stray));
            }
        }

        var order = new List<long>();
        TableEntity? head = null;
        bool headChanged = false;
        if (appends.Count > 0 || this.pages.Values.Any(p => p.Emptied))
        {
            head = await this.LoadAsync(CaseKeys.ListHead(list));
            order = CaseLists.PagesOf(head);
            long next = head?.GetInt64(CaseLists.NextProperty) ?? 1;
            foreach ((CaseListChange change, TableEntity? stray) in appends)
            {
                (long number, bool opened) = await this.AppendAsync(order, next, change.Put!);
                if (opened)
                {
                    order.Add(number);
                    next = number + 1;
                    headChanged = true;
                }

                var member = new TableEntity(list, CaseKeys.ListMember(list, change.CaseId)) { [CaseLists.PageProperty] = number };
                this.memberActions.Add(stray is null ? new(TableTransactionActionType.Add, member) : new(TableTransactionActionType.UpdateReplace, member, stray.ETag));
                this.decided.Add((change, true));
            }

            headChanged |= order.RemoveAll(n => this.pages.TryGetValue(n, out PageState? p) && p.Emptied) > 0;
            if (headChanged)
            {
                var newHead = new TableEntity(list, CaseKeys.ListHead(list)) { [CaseLists.PagesProperty] = CaseLists.Join(order), [CaseLists.NextProperty] = next };
                this.memberActions.Insert(0, head is null ? new(TableTransactionActionType.Add, newHead) : new(TableTransactionActionType.UpdateReplace, newHead, head.ETag));
            }
        }

        await this.SubmitAsync();
        return (this.decided, this.deferred);
    }

    /// <summary>
    /// Applies a change to the page its member row names; returns the change when it is an append instead (with a
    /// stray member row to overwrite, if any), null when decided or deferred.
    /// </summary>
    private (CaseListChange Change, TableEntity? Stray)? ApplyInPlace(CaseListChange change, TableEntity? member, bool memberCached)
    {
        PageState? page = member?.GetInt64(CaseLists.PageProperty) is { } number ? this.pages[number] : null;
        int at = page?.Entries.FindIndex(e => e.CaseId == change.CaseId) ?? -1;
        bool onCache = memberCached || page?.Cached == true;
        CaseListEntry? current = at >= 0 ? page!.Entries[at] : null;
        bool stray = member is not null && current is null;
        bool nothingToWrite = !change.Holds(current) || (change.Put is null ? current is null : current == change.Put with { Seq = current?.Seq ?? 0 });
        if (onCache && (stray || nothingToWrite))
        {
            this.deferred.Add(change);
            return null;
        }

        if (!change.Holds(current))
        {
            this.decided.Add((change, false));
            return null;
        }

        if (change.Put is null)
        {
            if (member is not null)
            {
                // A stray member row (its page lacks the case) cannot arise while member and page change together;
                // it is dropped all the same.
                this.memberActions.Add(new(TableTransactionActionType.Delete, member, member.ETag));
                if (current is not null)
                {
                    page!.Entries.RemoveAt(at);
                    page.Changed = true;
                }
            }

            this.decided.Add((change, true));
            return null;
        }

        if (current is null)
        {
            return (change, member);
        }

        if (!nothingToWrite)
        {
            page!.Entries[at] = change.Put with { Seq = current.Seq };
            page.Changed = true;
        }

        this.decided.Add((change, true));
        return null;
    }

    /// <summary>Appends the entry to the last page, or to a new page when it is full (or gone): which, and whether new.</summary>
    private async Task<(long Number, bool Opened)> AppendAsync(List<long> order, long next, CaseListEntry entry)
    {
        PageState? last = order.Count > 0 ? await this.PageAsync(order[^1]) : null;
        bool opened = last is null || (last.Row is null && !last.Opened) || !CaseListPage.HasRoom(last.Entries.Count, CaseListPage.Serialize(last.Entries).Length, entry);
        if (opened)
        {
            last = new PageState(next, null, [], 0, cached: false) { Opened = true };
            this.pages[next] = last;
        }

        last!.Entries.Add(entry with { Seq = ++last.Seq });
        last.Changed = true;
        return (last.Number, opened);
    }

    private async Task SubmitAsync()
    {
        var actions = new List<TableTransactionAction>();
        foreach (PageState page in this.pages.Values.Where(p => p.Changed))
        {
            var row = new TableEntity(list, CaseKeys.ListPage(list, page.Number)) { [CaseListPage.Property] = CaseListPage.Serialize(page.Entries), [CaseListPage.SeqProperty] = page.Seq };
            actions.Add(page.Emptied ? new(TableTransactionActionType.Delete, page.Row!, page.Row!.ETag)
                : page.Row is null ? new(TableTransactionActionType.Add, row)
                : new(TableTransactionActionType.UpdateReplace, row, page.Row.ETag));
        }

        actions.AddRange(this.memberActions);
        if (actions.Count == 0)
        {
            return;
        }

        Response<IReadOnlyList<Response>> responses = await table.SubmitTransactionAsync(actions);
        for (int i = 0; i < actions.Count; i++)
        {
            var row = (TableEntity)actions[i].Entity;
            if (actions[i].ActionType == TableTransactionActionType.Delete)
            {
                cache.Remove(list, row.RowKey);
            }
            else
            {
                cache.Set(new TableEntity(row) { ETag = responses.Value[i].Headers.ETag ?? ETag.All });
            }
        }
    }

    private async Task<Dictionary<string, (TableEntity? Row, bool Cached)>> MembersAsync(IReadOnlyList<CaseListChange> changes)
    {
        var members = new Dictionary<string, (TableEntity? Row, bool Cached)>(StringComparer.Ordinal);
        var reads = new List<(string CaseId, Task<TableEntity?> Row)>();
        foreach (CaseListChange change in changes)
        {
            string key = CaseKeys.ListMember(list, change.CaseId);
            if (!fresh && cache.Get(list, key) is { } cached)
            {
                members[change.CaseId] = (cached, true);
            }
            else if (change.Put is null || fresh)
            {
                reads.Add((change.CaseId, this.ReadAsync(key)));
            }
            else
            {
                // Taken to be off the list, which the append's insert of the member row checks.
                members[change.CaseId] = (null, true);
            }
        }

        await Task.WhenAll(reads.Select(r => r.Row));
        foreach ((string caseId, Task<TableEntity?> row) in reads)
        {
            members[caseId] = (await row, false);
        }

        return members;
    }

    /// <summary>The page as this batch has it, loaded on first use; loads of different pages may overlap.</summary>
    private async Task<PageState> PageAsync(long number)
    {
        Task<PageState>? load;
        lock (this.loads)
        {
            if (!this.loads.TryGetValue(number, out load))
            {
                load = this.LoadPageAsync(number);
                this.loads.Add(number, load);
            }
        }

        PageState page = await load;
        lock (this.loads)
        {
            // An opened page replaces the load of its number (none: a new number is past the head's).
            return this.pages.TryAdd(number, page) ? page : this.pages[number];
        }
    }

    private async Task<PageState> LoadPageAsync(long number)
    {
        (TableEntity? row, bool cached) = await this.LoadWithSourceAsync(CaseKeys.ListPage(list, number));
        List<CaseListEntry> entries = CaseListPage.Parse(row?.GetString(CaseListPage.Property));
        long seq = row?.GetInt64(CaseListPage.SeqProperty) ?? entries.Select(e => e.Seq).DefaultIfEmpty().Max();
        return new PageState(number, row, entries, seq, cached);
    }

    private async Task<TableEntity?> LoadAsync(string rowKey) => (await this.LoadWithSourceAsync(rowKey)).Row;

    /// <summary>The row from this process's cache (unless the batch must read fresh), else read now; and which of the two.</summary>
    private async Task<(TableEntity? Row, bool Cached)> LoadWithSourceAsync(string rowKey) =>
        (fresh ? null : cache.Get(list, rowKey)) is { } cached ? (cached, true) : (await this.ReadAsync(rowKey), false);

    private async Task<TableEntity?> ReadAsync(string rowKey)
    {
        NullableResponse<TableEntity> row = await table.GetEntityIfExistsAsync<TableEntity>(list, rowKey);
        if (!row.HasValue)
        {
            return null;
        }

        // Only this list's writer (this batch's caller) writes its rows in this process, so what was just read is
        // the newest this process knows.
        cache.Set(row.Value!);
        return row.Value;
    }

    /// <summary>A page row as this batch has it.</summary>
    private sealed class PageState(long number, TableEntity? row, List<CaseListEntry> entries, long seq, bool cached)
    {
        public long Number { get; } = number;

        public TableEntity? Row { get; } = row;

        public List<CaseListEntry> Entries { get; } = entries;

        public long Seq { get; set; } = seq;

        public bool Cached { get; } = cached;

        public bool Opened { get; init; }

        public bool Changed { get; set; }

        public bool Emptied => this.Changed && this.Entries.Count == 0 && this.Row is not null;
    }
}
