using Azure;
using Serverless.Storage;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>
/// Writes list changes by write combining per list partition: while one read-modify-write of a list is under way in
/// this process, the changes that arrive for it wait and then go together in one <see cref="CaseListBatch"/>.
/// </summary>
/// <remarks>
/// The cases of one CSC moving at once thus take turns on its hot page row in this process instead of racing for it
/// (each race a 412 and a re-read), and a turn costs one transaction for all of them. Other processes still race, and
/// lose safely: every write is ETag-guarded, so a batch that meets another's change drops the list's cached rows and
/// runs again on fresh reads (after a jittered pause when fresh reads lost too). A batch takes one change per case, so
/// changes of one case keep their order; each caller waits until its own change is written.
/// </remarks>
internal sealed class CaseListWriter
{
    /// <summary>Changes per batch: each writes at most its member row and its page, plus opened pages and the head, within a transaction's 100 actions.</summary>
    private const int MaxBatch = 30;

    private readonly TableClient table;
    private readonly CaseListRowCache cache;
    private readonly GroupCommitQueue<CaseListChange> queue;

    public CaseListWriter(TableClient table, CaseListRowCache cache)
    {
        this.table = table;
        this.cache = cache;
        this.queue = new(MaxBatch, c => c.CaseId, (list, batch) => this.WriteBatchAsync(list, [.. batch]));
    }

    /// <summary>Queues the change of the list; true once written, false when its condition did not hold.</summary>
    public Task<bool> WriteAsync(string list, CaseListChange change, CancellationToken cancellationToken)
    {
        this.queue.Enqueue(list, change);
        return change.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteBatchAsync(string list, List<CaseListChange> batch)
    {
        bool fresh = false;
        int conflicts = 0;
        while (batch.Count > 0)
        {
            try
            {
                (var decided, batch) = await new CaseListBatch(this.table, this.cache, list, fresh).ApplyAsync(batch);
                decided.ForEach(d => d.Change.Done.TrySetResult(d.Applied));
                fresh = true;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412 && e.ErrorCode != "TableNotFound")
            {
                this.cache.Drop(list);
                if (fresh)
                {
                    // Another process changed the list between fresh reads and the write: pause a little, jittered,
                    // so that processes racing for one page row do not retry in step.
                    await Task.Delay(Random.Shared.Next(Math.Min(50, 1 << Math.Min(++conflicts, 6))));
                }

                fresh = true;
            }
            catch (Exception e)
            {
                this.cache.Drop(list);
                batch.ForEach(c => c.Done.TrySetException(e));
                return;
            }
        }
    }
}
