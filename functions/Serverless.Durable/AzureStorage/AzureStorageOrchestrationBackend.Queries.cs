using System.Text;
using Serverless.Durable.Backend;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// <para>Without statuses: one range query on the instances table — the prefix and the continuation token (the last
    /// instance key returned) bound the partition keys, name and creation time are filtered by the service — reading at
    /// most a page and one row.</para>
    /// <para>With statuses: one range query per status on that status's index partition (same bounds and filters), merged
    /// in key order; each hit of the page is then read from the instances table and checked, since an index row can be a
    /// leftover of a status the instance has left. A page may then hold fewer states than the page size.</para>
    /// <para>Without statuses or a prefix, a name is served the same way from its name index partition, and a creation
    /// range (with a start) from the creation-day partitions it spans (at most <see cref="MaxCreatedDays"/> of them).
    /// Only a query without any of these (or by an end of creation alone) reads the instances table from its start.</para>
    /// </remarks>
    public async Task<InstanceQueryPage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        await this.EnsureLayoutAsync(cancellationToken);
        if (query.Statuses is { Count: > 0 } statuses)
        {
            return await this.QueryIndexAsync(query, [.. statuses.Distinct().Select(TaskHubLayout.StatusPartition)], s => statuses.Contains(s.Status), cancellationToken);
        }

        if (string.IsNullOrEmpty(query.InstanceIdPrefix) && query.Name is { } name)
        {
            return await this.QueryIndexAsync(query, [TaskHubLayout.NamePartition(name)], _ => true, cancellationToken);
        }

        if (string.IsNullOrEmpty(query.InstanceIdPrefix) && query.CreatedFrom is { } from)
        {
            DateTime first = from.UtcDateTime.Date;
            DateTime last = (query.CreatedTo ?? this.clock.GetUtcNow().AddDays(1)).UtcDateTime.Date;
            int days = (int)Math.Min((last - first).TotalDays + 1, int.MaxValue);
            if (days <= 0)
            {
                return new InstanceQueryPage([], null);
            }

            if (days <= MaxCreatedDays)
            {
                string[] partitions = [.. Enumerable.Range(0, days).Select(d => TaskHubLayout.CreatedPartition(new DateTimeOffset(first.AddDays(d), TimeSpan.Zero)))];
                return await this.QueryIndexAsync(query, partitions, _ => true, cancellationToken);
            }
        }

        return await this.QueryInstancesTableAsync(query, cancellationToken);
    }

    /// <summary>The most creation-day partitions a creation-range query reads; a longer range reads the instances table.</summary>
    private const int MaxCreatedDays = 366;

    private async Task<InstanceQueryPage> QueryInstancesTableAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        string filter = Filter("PartitionKey", query) + " and " + TableClient.CreateQueryFilter($"RowKey eq {TaskHubLayout.InstanceRowKey}");
        List<TableEntity> rows = await FirstAsync(this.storage.Instances, filter, query.PageSize + 1, InstanceStore.Columns(query.FetchInputsAndOutputs), cancellationToken);
        var states = new List<OrchestrationState>(Math.Min(rows.Count, query.PageSize));
        foreach (TableEntity row in rows.Take(query.PageSize))
        {
            states.Add(await this.store.ToStateAsync(row, query.FetchInputsAndOutputs, cancellationToken));
        }

        return new InstanceQueryPage(states, rows.Count > query.PageSize ? rows[query.PageSize - 1].PartitionKey : null);
    }

    /// <summary>Range queries on index partitions (rows keyed by instance key), merged in key order; each hit is then read and checked.</summary>
    private async Task<InstanceQueryPage> QueryIndexAsync(InstanceQuery query, IReadOnlyList<string> partitions, Func<OrchestrationState, bool> check, CancellationToken cancellationToken)
    {
        string bounds = Filter("RowKey", query);
        List<TableEntity>[] perPartition = await Task.WhenAll(partitions.Select(partition =>
        {
            string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}") + " and " + bounds;
            return FirstAsync(this.storage.Index, filter, query.PageSize + 1, ["PartitionKey", "RowKey"], cancellationToken);
        }));
        List<string> keys = [.. perPartition.SelectMany(rows => rows.Select(r => r.RowKey)).Distinct().Order(StringComparer.Ordinal).Take(query.PageSize + 1)];
        List<string> page = [.. keys.Take(query.PageSize)];
        OrchestrationState?[] states = await Task.WhenAll(page.Select(key =>
            this.store.ReadStateAsync(TaskHubLayout.InstanceIdOf(key), query.FetchInputsAndOutputs, cancellationToken)));
        List<OrchestrationState> matching = [.. states.OfType<OrchestrationState>().Where(s => check(s) && Matches(query, s))];
        return new InstanceQueryPage(matching, keys.Count > query.PageSize ? page[^1] : null);
    }

    /// <summary>The key-range and property conditions of a query, on the key that holds the instance key.</summary>
    private static string Filter(string keyProperty, InstanceQuery query)
    {
        var filter = new StringBuilder();
        void And(string condition) => filter.Append(filter.Length == 0 ? string.Empty : " and ").Append(condition);

        if (!string.IsNullOrEmpty(query.InstanceIdPrefix))
        {
            string prefix = TaskHubLayout.Key(query.InstanceIdPrefix);
            string upper = prefix[..^1] + (char)(prefix[^1] + 1);
            And(keyProperty + " ge " + Literal(prefix));
            And(keyProperty + " lt " + Literal(upper));
        }

        if (query.ContinuationToken is { } after)
        {
            And(keyProperty + " gt " + Literal(after));
        }

        if (query.Name is { } name)
        {
            And(TableClient.CreateQueryFilter($"NameKey eq {name.ToUpperInvariant()}"));
        }

        if (query.CreatedFrom is { } from)
        {
            And(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (query.CreatedTo is { } to)
        {
            And(TableClient.CreateQueryFilter($"CreatedAt le {to}"));
        }

        return filter.Length == 0 ? keyProperty + " ne ''" : filter.ToString();
    }

    private static string Literal(string value) => TableClient.CreateQueryFilter($"{value}");

    private static bool Matches(InstanceQuery query, OrchestrationState state) =>
        (query.CreatedFrom is not { } from || state.CreatedAt >= from) &&
        (query.CreatedTo is not { } to || state.CreatedAt <= to) &&
        (query.Name is null || string.Equals(query.Name, state.Name, StringComparison.OrdinalIgnoreCase)) &&
        (string.IsNullOrEmpty(query.InstanceIdPrefix) || state.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal));

    /// <summary>The first <paramref name="count"/> rows a query returns, reading no further pages than that takes.</summary>
    private static async Task<List<TableEntity>> FirstAsync(TableClient table, string filter, int count, IEnumerable<string>? select, CancellationToken cancellationToken)
    {
        var rows = new List<TableEntity>(Math.Min(count, 1000));
        await foreach (TableEntity row in table.QueryAsync<TableEntity>(filter, Math.Min(count, 1000), select, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count == count)
            {
                break;
            }
        }

        return rows;
    }
}
