using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>
/// The list rows (head, page, member) this process last read or wrote, with their ETags, least recently used dropped
/// first once their text passes a budget.
/// </summary>
/// <remarks>
/// A cached row is only ever a guess at the stored one: a write built on it carries its ETag, so a stale guess costs a
/// 412 and a fresh read, never a lost or doubled entry. A decision to write nothing is never taken on a cached row
/// (see <see cref="CaseListWriter"/>), and a missing row is never cached, since "absent" cannot be ETag-guarded.
/// </remarks>
internal sealed class CaseListRowCache(int budgetChars = CaseListRowCache.DefaultBudgetChars)
{
    /// <summary>About 8 MB of UTF-16: some 80 full page rows, or thousands of member rows.</summary>
    public const int DefaultBudgetChars = 4_000_000;

    private readonly Dictionary<(string List, string Row), LinkedListNode<Cached>> rows = [];
    private readonly Dictionary<string, HashSet<string>> rowsOfList = new(StringComparer.Ordinal);
    private readonly LinkedList<Cached> recency = new();
    private long chars;

    /// <summary>The cached row, or null.</summary>
    public TableEntity? Get(string list, string rowKey)
    {
        lock (this.rows)
        {
            if (!this.rows.TryGetValue((list, rowKey), out LinkedListNode<Cached>? node))
            {
                return null;
            }

            this.recency.Remove(node);
            this.recency.AddFirst(node);
            return node.Value.Row;
        }
    }

    /// <summary>Caches a row just written (its ETag the write's); it replaces whatever was cached.</summary>
    public void Set(TableEntity row) => this.Put(row, replace: true);

    /// <summary>Caches a row just read, unless one is cached already (a concurrent write's, which may be newer).</summary>
    public void Offer(TableEntity row) => this.Put(row, replace: false);

    /// <summary>Forgets a row (deleted).</summary>
    public void Remove(string list, string rowKey)
    {
        lock (this.rows)
        {
            if (this.rows.TryGetValue((list, rowKey), out LinkedListNode<Cached>? node))
            {
                this.Evict(node);
            }
        }
    }

    /// <summary>Forgets every row of the list: a write to it met a change this process did not make.</summary>
    public void Drop(string list)
    {
        lock (this.rows)
        {
            if (this.rowsOfList.TryGetValue(list, out HashSet<string>? keys))
            {
                foreach (string key in keys.ToList())
                {
                    this.Evict(this.rows[(list, key)]);
                }
            }
        }
    }

    private void Put(TableEntity row, bool replace)
    {
        var key = (row.PartitionKey, row.RowKey);
        lock (this.rows)
        {
            if (this.rows.TryGetValue(key, out LinkedListNode<Cached>? old))
            {
                if (!replace)
                {
                    return;
                }

                this.Evict(old);
            }

            var node = this.recency.AddFirst(new Cached(row, SizeOf(row)));
            this.rows.Add(key, node);
            if (!this.rowsOfList.TryGetValue(row.PartitionKey, out HashSet<string>? keys))
            {
                keys = new HashSet<string>(StringComparer.Ordinal);
                this.rowsOfList.Add(row.PartitionKey, keys);
            }

            keys.Add(row.RowKey);
            this.chars += node.Value.Size;
            while (this.chars > budgetChars && this.recency.Last is { } last && last != node)
            {
                this.Evict(last);
            }
        }
    }

    private void Evict(LinkedListNode<Cached> node)
    {
        TableEntity row = node.Value.Row;
        this.recency.Remove(node);
        this.rows.Remove((row.PartitionKey, row.RowKey));
        this.chars -= node.Value.Size;
        HashSet<string> keys = this.rowsOfList[row.PartitionKey];
        keys.Remove(row.RowKey);
        if (keys.Count == 0)
        {
            this.rowsOfList.Remove(row.PartitionKey);
        }
    }

    private static int SizeOf(TableEntity row) =>
        row.PartitionKey.Length + row.RowKey.Length + row.Keys.Sum(k => k.Length + (row[k] is string s ? s.Length : 8));

    private sealed record Cached(TableEntity Row, int Size);
}
