namespace Serverless.Durable;

/// <summary>A lazily fetched, paged sequence: enumerate the items, or the pages with <see cref="AsPages"/>.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    private readonly Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage;

    /// <summary>Creates a pageable over a page-fetching function.</summary>
    /// <param name="fetchPage">Fetches the page at a continuation token (<see langword="null"/> for the first) with a size hint.</param>
    public AsyncPageable(Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage)
    {
        ArgumentNullException.ThrowIfNull(fetchPage);
        this.fetchPage = fetchPage;
    }

    /// <summary>Enumerates the pages, starting at <paramref name="continuationToken"/>.</summary>
    /// <param name="continuationToken">Where to start; <see langword="null"/> for the beginning.</param>
    /// <param name="pageSizeHint">The preferred page size.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The pages.</returns>
    public async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = continuationToken;
        do
        {
            Page<T> page = await this.fetchPage(token, pageSizeHint, cancellationToken);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <inheritdoc/>
    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (Page<T> page in this.AsPages(cancellationToken: cancellationToken))
        {
            foreach (T item in page.Values)
            {
                yield return item;
            }
        }
    }
}
