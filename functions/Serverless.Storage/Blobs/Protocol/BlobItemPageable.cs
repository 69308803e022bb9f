using System.Globalization;
using Azure;
using Azure.Core;
using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>List Blobs as an <see cref="AsyncPageable{T}"/>: one request per page, following <c>NextMarker</c>.</summary>
internal sealed class BlobItemPageable(
    StoragePipeline pipeline, Uri containerUri, BlobTraits traits, BlobStates states, string? prefix, CancellationToken cancellationToken)
    : AsyncPageable<BlobItem>(cancellationToken)
{
    public override async IAsyncEnumerable<Page<BlobItem>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        do
        {
            var page = await GetPageAsync(continuationToken, pageSizeHint);
            continuationToken = page.ContinuationToken;
            yield return page;
        }
        while (!string.IsNullOrEmpty(continuationToken));
    }

    private async Task<Page<BlobItem>> GetPageAsync(string? marker, int? pageSizeHint)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Get, containerUri);
        var uri = message.Request.Uri;
        uri.AppendQuery("restype", "container");
        uri.AppendQuery("comp", "list");
        if (!string.IsNullOrEmpty(prefix))
        {
            uri.AppendQuery("prefix", prefix);
        }

        if (!string.IsNullOrEmpty(marker))
        {
            uri.AppendQuery("marker", marker);
        }

        if (pageSizeHint is { } size)
        {
            uri.AppendQuery("maxresults", size.ToString(CultureInfo.InvariantCulture));
        }

        if (Include() is { } include)
        {
            uri.AppendQuery("include", include);
        }

        var response = await pipeline.SendAsync(message, CancellationToken);
        var (items, nextMarker) = ListBlobsResultReader.Read(response.ContentStream!);
        return Page<BlobItem>.FromValues(items, string.IsNullOrEmpty(nextMarker) ? null : nextMarker, response);
    }

    private string? Include()
    {
        var parts = new List<string>(2);
        if (traits.HasFlag(BlobTraits.Metadata))
        {
            parts.Add("metadata");
        }

        if (states.HasFlag(BlobStates.Uncommitted))
        {
            parts.Add("uncommittedblobs");
        }

        return parts.Count == 0 ? null : string.Join(',', parts);
    }
}
