using Serverless.Durable.Backend;

namespace Serverless.Durable.InMemory;

public sealed partial class InMemoryOrchestrationBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// Ids are kept in an ordered index: a prefix is answered as a key range and a continuation token (the last id
    /// returned) as the range's new lower bound, so pages never rescan what was already returned.
    /// </remarks>
    public Task<InstanceQueryPage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        lock (this.gate)
        {
            var page = new List<OrchestrationState>(Math.Min(query.PageSize, 1000));
            foreach (string id in this.Range(query.InstanceIdPrefix, query.ContinuationToken))
            {
                OrchestrationState state = this.instances[id].State!;
                if (!Matches(query, state))
                {
                    continue;
                }

                if (page.Count == query.PageSize)
                {
                    // Another match exists beyond this page: continue after the last id returned.
                    return Task.FromResult(new InstanceQueryPage(page, page[^1].InstanceId));
                }

                page.Add(Shape(state, query.FetchInputsAndOutputs));
            }

            return Task.FromResult(new InstanceQueryPage(page, null));
        }
    }

    private static bool Matches(InstanceQuery query, OrchestrationState state) =>
        (query.CreatedFrom is not { } from || state.CreatedAt >= from) &&
        (query.CreatedTo is not { } to || state.CreatedAt <= to) &&
        (query.Statuses is not { Count: > 0 } statuses || statuses.Contains(state.Status)) &&
        (query.Name is null || string.Equals(query.Name, state.Name, StringComparison.OrdinalIgnoreCase));

    private IEnumerable<string> Range(string? prefix, string? after)
    {
        if (this.stateIndex.Count == 0)
        {
            return [];
        }

        string lower = this.stateIndex.Min!;
        string upper = this.stateIndex.Max!;
        if (!string.IsNullOrEmpty(prefix))
        {
            lower = Max(lower, prefix);
            upper = Min(upper, prefix + char.MaxValue);
        }

        if (after is not null)
        {
            lower = Max(lower, after);
        }

        if (string.CompareOrdinal(lower, upper) > 0)
        {
            return [];
        }

        IEnumerable<string> view = this.stateIndex.GetViewBetween(lower, upper);
        return after is null ? view : view.Where(id => string.CompareOrdinal(id, after) > 0);
    }

    private static string Max(string a, string b) => string.CompareOrdinal(a, b) >= 0 ? a : b;

    private static string Min(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? a : b;
}
