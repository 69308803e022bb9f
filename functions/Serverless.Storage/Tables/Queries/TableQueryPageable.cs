using Azure;

namespace Serverless.Storage.Tables.Queries;

/// <summary>The pages of a query, fetched lazily, resumable from any page's continuation token.</summary>
internal sealed class TableQueryPageable<T>(
    Func<string?, int?, CancellationToken, ValueTask<Page<T>>> fetchPage,
    int? maxPerPage,
    CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var token = continuationToken;
        do
        {
            // The service may return an empty page with a token (at partition boundaries or time limits); keep going.
            var page = await fetchPage(token, pageSizeHint ?? maxPerPage, CancellationToken);
            yield return page;
            token = page.ContinuationToken;
        }
        while (token is not null);
    }
}
