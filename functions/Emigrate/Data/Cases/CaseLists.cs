using System.Globalization;
using Azure;
using Emigrate.Domain.Cases;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>
/// The case lists (a CSC's, a PoE office's, an insurer's; all stages or one stage) as page rows read by point reads,
/// so a list page costs the same however many cases the table holds.
/// </summary>
/// <remarks>
/// <para>
/// One partition per list key (<see cref="CaseKeys.CscOwner"/>, <see cref="CaseKeys.OwnerStage"/>, …) holds a head row
/// naming the list's non-empty page rows in order, the page rows (each up to <see cref="CaseListPage.MaxEntries"/>
/// entries, JSON), and one member row per case naming the page that holds it. A case joins by being appended to the
/// last page (or a new one) and leaves by being cut from its page (a page that empties is deleted and dropped from the
/// head).
/// </para>
/// <para>
/// Changes of one list in this process are combined (<see cref="CaseListWriter"/>): while one read-modify-write of the
/// list is under way, the changes that arrive wait and then go together as one entity-group transaction, so a CSC's
/// cases moving at once share its page row instead of racing for it. A change is built on the rows this process last
/// read or wrote (<see cref="CaseListRowCache"/>), so a process that keeps a list reads little of it again. Every write
/// is ETag-guarded (an append inserts the member row, which fails if the case is on the list already): a change that
/// meets another process's runs again on fresh reads rather than lose or double an entry, and a change that would
/// write nothing (a repeat) is only ever decided on fresh reads. The member row makes a repeat of a join or a leave
/// change nothing. A caller that gives up waiting (cancellation) does not withdraw its change.
/// </para>
/// <para>
/// A list read is the head and then at most <see cref="MaxPagesPerRead"/> page rows, two at a time; the continuation
/// token is the page and the sequence number of the last entry returned. Reads neither use nor fill the cache: they
/// see the table as it is.
/// </para>
/// </remarks>
public sealed class CaseLists
{
    /// <summary>The most page rows one list read reads: pages that removals left sparse make a short page, not a long read.</summary>
    public const int MaxPagesPerRead = 6;

    /// <summary>The head row property naming the list's non-empty page rows in order.</summary>
    internal const string PagesProperty = "Pages";

    /// <summary>The head row property holding the next page number to give out.</summary>
    internal const string NextProperty = "Next";

    /// <summary>The member row property naming the page that holds the case.</summary>
    internal const string PageProperty = "Page";

    private readonly TableClient table;
    private readonly CaseListRowCache cache = new();
    private readonly CaseListWriter writer;

    /// <summary>Lists in the table, with this process's write combining and row cache (one instance per process).</summary>
    public CaseLists(TableClient table)
    {
        this.table = table;
        this.writer = new CaseListWriter(table, this.cache);
    }

    /// <summary>Puts the case on the list, or updates its entry there (stage, name); a repeat changes nothing.</summary>
    public Task PutAsync(string list, CaseListEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return this.writer.WriteAsync(list, new CaseListChange(entry.CaseId, entry), cancellationToken);
    }

    /// <summary>
    /// Puts the case on the list, or updates its entry there, only while its entry shows <paramref name="showing"/>
    /// (null: while it is not on the list). False, writing nothing, when it does not; true when it does or the entry
    /// is already so.
    /// </summary>
    public Task<bool> PutIfShowingAsync(string list, CaseListEntry entry, CaseStage? showing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return this.writer.WriteAsync(list, new CaseListChange(entry.CaseId, entry, Conditional: true, Showing: showing), cancellationToken);
    }

    /// <summary>Takes the case off the list; a repeat, or a case not on it, changes nothing.</summary>
    public Task RemoveAsync(string list, string caseId, CancellationToken cancellationToken) =>
        this.writer.WriteAsync(list, new CaseListChange(caseId, null), cancellationToken);

    /// <summary>The entry of the case on the list, or null (read now).</summary>
    public Task<CaseListEntry?> EntryAsync(string list, string caseId, CancellationToken cancellationToken) =>
        EntryAsync(list, caseId, key => this.FindAndOfferAsync(list, key, cancellationToken));

    /// <summary>
    /// The entry of the case on the list as this process last read or wrote it, else read now: a guess, for a change
    /// that then checks it (<see cref="PutIfShowingAsync"/>). Null only when read now.
    /// </summary>
    public async Task<CaseListEntry?> KnownEntryAsync(string list, string caseId, CancellationToken cancellationToken) =>
        await EntryAsync(list, caseId, key => Task.FromResult(this.cache.Get(list, key)))
        ?? await this.EntryAsync(list, caseId, cancellationToken);

    /// <summary>The entry of the case on the list by its member row and then its page, both from <paramref name="row"/>.</summary>
    private static async Task<CaseListEntry?> EntryAsync(string list, string caseId, Func<string, Task<TableEntity?>> row)
    {
        if ((await row(CaseKeys.ListMember(list, caseId)))?.GetInt64(PageProperty) is not { } number)
        {
            return null;
        }

        TableEntity? page = await row(CaseKeys.ListPage(list, number));
        return CaseListPage.Parse(page?.GetString(CaseListPage.Property)).Find(e => e.CaseId == caseId);
    }

    /// <summary>
    /// Appends cases that are not on the list (no member row) in new page rows after the last, filling the last page
    /// first: one transaction per page (page, its members, the head). The benchmark's seeder loads lists with it.
    /// </summary>
    public async Task AppendAsync(string list, IReadOnlyList<CaseListEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        int done = 0;
        while (done < entries.Count)
        {
            TableEntity? head = await this.FindAsync(list, CaseKeys.ListHead(list), cancellationToken);
            List<long> pages = PagesOf(head);
            TableEntity? last = pages.Count > 0 ? await this.FindAsync(list, CaseKeys.ListPage(list, pages[^1]), cancellationToken) : null;
            List<CaseListEntry> onLast = CaseListPage.Parse(last?.GetString(CaseListPage.Property));
            int chars = CaseListPage.Serialize(onLast).Length;
            bool fresh = last is null || !CaseListPage.HasRoom(onLast.Count, chars, entries[done]);
            long number = fresh ? head?.GetInt64(NextProperty) ?? 1 : pages[^1];
            List<CaseListEntry> onPage = fresh ? [] : onLast;
            chars = fresh ? 2 : chars;
            long seq = fresh ? 0 : last!.GetInt64(CaseListPage.SeqProperty) ?? 0;
            var added = new List<CaseListEntry>();

            // A transaction takes 100 actions: the page, the head and a member row per entry.
            while (done + added.Count < entries.Count && added.Count < 98 && CaseListPage.HasRoom(onPage.Count, chars, entries[done + added.Count]))
            {
                onPage.Add(entries[done + added.Count] with { Seq = ++seq });
                chars += CaseListPage.CharsOf(onPage[^1]);
                added.Add(onPage[^1]);
            }

            var page = new TableEntity(list, CaseKeys.ListPage(list, number)) { [CaseListPage.Property] = CaseListPage.Serialize(onPage), [CaseListPage.SeqProperty] = seq };
            var actions = new List<TableTransactionAction>
            {
                fresh ? new(TableTransactionActionType.Add, page) : new(TableTransactionActionType.UpdateReplace, page, last!.ETag),
            };
            if (fresh)
            {
                var newHead = new TableEntity(list, CaseKeys.ListHead(list)) { [PagesProperty] = Join(pages.Append(number)), [NextProperty] = number + 1 };
                actions.Add(head is null ? new(TableTransactionActionType.Add, newHead) : new(TableTransactionActionType.UpdateReplace, newHead, head.ETag));
            }

            actions.AddRange(added.Select(e => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(list, CaseKeys.ListMember(list, e.CaseId)) { [PageProperty] = number })));
            await this.table.SubmitTransactionAsync(actions, cancellationToken);
            done += added.Count;
        }
    }

    /// <summary>A page of the list from <paramref name="continuationToken"/> (null: the start).</summary>
    /// <exception cref="FormatException">The token is not one this list gave out.</exception>
    public async Task<CasePage> ReadAsync(string list, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        (long fromPage, long afterSeq) = ParseToken(continuationToken);
        TableEntity? head = await this.FindAsync(list, CaseKeys.ListHead(list), cancellationToken);
        List<long> remaining = PagesOf(head).Where(p => p >= fromPage).ToList();
        List<long> pages = remaining.Take(MaxPagesPerRead).ToList();
        bool more = remaining.Count > pages.Count;
        var items = new List<CaseListItem>();
        for (int at = 0; at < pages.Count; at += 2)
        {
            TableEntity?[] rows = await Task.WhenAll(pages.Skip(at).Take(2).Select(p => this.FindAsync(list, CaseKeys.ListPage(list, p), cancellationToken)));
            for (int i = 0; i < rows.Length; i++)
            {
                long number = pages[at + i];
                List<CaseListEntry> entries = CaseListPage.Parse(rows[i]?.GetString(CaseListPage.Property))
                    .Where(e => number > fromPage || e.Seq > afterSeq)
                    .ToList();
                int take = Math.Min(pageSize - items.Count, entries.Count);
                items.AddRange(entries.Take(take).Select(e => e.ToItem()));
                if (items.Count == pageSize)
                {
                    bool rest = take < entries.Count || at + i + 1 < pages.Count || more;
                    return new CasePage(items, rest ? Token(number, entries[take - 1].Seq) : null);
                }
            }
        }

        // The read stopped at its page cap before the list's end: the token resumes at the next page.
        return new CasePage(items, more ? Token(remaining[pages.Count], 0) : null);
    }

    /// <summary>Reads a row and offers it to the cache, for a change to come (list reads do not fill the cache).</summary>
    private async Task<TableEntity?> FindAndOfferAsync(string list, string rowKey, CancellationToken cancellationToken)
    {
        TableEntity? row = await this.FindAsync(list, rowKey, cancellationToken);
        if (row is not null)
        {
            // Offered, not set: a write of this process may have cached a newer version meanwhile.
            this.cache.Offer(row);
        }

        return row;
    }

    private async Task<TableEntity?> FindAsync(string list, string rowKey, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.table.GetEntityIfExistsAsync<TableEntity>(list, rowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    /// <summary>The page numbers a head row names, in order.</summary>
    internal static List<long> PagesOf(TableEntity? head) =>
        (head?.GetString(PagesProperty) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToList();

    /// <summary>A head row's page numbers.</summary>
    internal static string Join(IEnumerable<long> pages) => string.Join(',', pages.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    private static string Token(long page, long seq) => page.ToString(CultureInfo.InvariantCulture) + "." + seq.ToString(CultureInfo.InvariantCulture);

    private static (long Page, long Seq) ParseToken(string? token)
    {
        if (token is null)
        {
            return (0, 0);
        }

        string[] parts = token.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out long page)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long seq)
            ? (page, seq)
            : throw new FormatException("Not a continuation token of this list.");
    }
}
