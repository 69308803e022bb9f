using Serverless.Durable.Backend;

namespace Serverless.Durable.Client;

public sealed partial class BackendDurableTaskClient
{
    private static readonly OrchestrationRuntimeStatus[] FinishedStatuses =
        [.. Enum.GetValues<OrchestrationRuntimeStatus>().Where(s => s.IsTerminal())];

    /// <inheritdoc/>
    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        OrchestrationState? state = await this.backend.GetStateAsync(instanceId, getInputsAndOutputs, cancellation);
        return state is null ? null : this.ToMetadata(state, getInputsAndOutputs);
    }

    /// <inheritdoc/>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        filter ??= new OrchestrationQuery();
        var query = new InstanceQuery
        {
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
            Statuses = filter.Statuses?.ToArray(),
            InstanceIdPrefix = filter.InstanceIdPrefix,
            Name = filter.Name,
            PageSize = filter.PageSize,
            FetchInputsAndOutputs = filter.FetchInputsAndOutputs,
        };
        return new AsyncPageable<OrchestrationMetadata>(async (token, pageSizeHint, cancellation) =>
        {
            InstanceQueryPage page = await this.backend.QueryInstancesAsync(
                query with { ContinuationToken = token ?? filter.ContinuationToken, PageSize = pageSizeHint ?? query.PageSize },
                cancellation);
            return new Page<OrchestrationMetadata>([.. page.States.Select(s => this.ToMetadata(s, query.FetchInputsAndOutputs))], page.ContinuationToken);
        });
    }

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) =>
        new(await this.backend.PurgeInstanceAsync(instanceId, cancellation) ? 1 : 0);

    /// <inheritdoc/>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new InstanceQuery
        {
            CreatedFrom = filter.CreatedFrom,
            CreatedTo = filter.CreatedTo,
            Statuses = filter.Statuses is null ? FinishedStatuses : [.. filter.Statuses.Where(s => s.IsTerminal())],
            PageSize = 100,
        };
        if (query.Statuses.Count == 0)
        {
            return new PurgeResult(0);
        }

        // Page by the last id seen: purging what was returned does not disturb the pages after it.
        int purged = 0;
        string? token = null;
        do
        {
            InstanceQueryPage page = await this.backend.QueryInstancesAsync(query with { ContinuationToken = token }, cancellation);
            foreach (OrchestrationState state in page.States)
            {
                purged += await this.backend.PurgeInstanceAsync(state.InstanceId, cancellation) ? 1 : 0;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
        return new PurgeResult(purged);
    }
}
