using System.Text;
using System.Xml;
using Azure;
using Azure.Core;
using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>The three block blob writes: Put Blob, Put Block (staged, invisible) and Put Block List (the commit).</summary>
internal static class BlockBlobRequests
{
    public static async Task<Response<BlobContentInfo>> PutBlobAsync(
        StoragePipeline pipeline, Uri blobUri, RequestContent content, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Put, blobUri);
        message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        SetBlobProperties(message.Request, options);
        message.Request.Content = content;
        var response = BlobResponses.Expect(await pipeline.SendAsync(message, cancellationToken), 201);
        return Response.FromValue(BlobResponses.ContentInfo(response), response);
    }

    public static async Task StageBlockAsync(
        StoragePipeline pipeline, Uri blobUri, string blockId, ReadOnlyMemory<byte> block, string? leaseId, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Put, blobUri);
        message.Request.Uri.AppendQuery("comp", "block");
        message.Request.Uri.AppendQuery("blockid", blockId);
        if (leaseId is not null)
        {
            // Put Block takes no ETag conditions, but a leased blob refuses blocks without its lease id.
            message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        }

        message.Request.Content = RequestContent.Create(block);
        BlobResponses.Expect(await pipeline.SendAsync(message, cancellationToken), 201);
    }

    public static async Task<Response<BlobContentInfo>> CommitBlockListAsync(
        StoragePipeline pipeline, Uri blobUri, IReadOnlyList<string> blockIds, BlobUploadOptions options, CancellationToken cancellationToken)
    {
        using var message = pipeline.CreateMessage(RequestMethod.Put, blobUri);
        message.Request.Uri.AppendQuery("comp", "blocklist");
        SetBlobProperties(message.Request, options);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(BlockListXml(blockIds));
        var response = BlobResponses.Expect(await pipeline.SendAsync(message, cancellationToken), 201);
        return Response.FromValue(BlobResponses.ContentInfo(response), response);
    }

    private static void SetBlobProperties(Request request, BlobUploadOptions options)
    {
        BlobHeaders.SetHttpHeaders(request, options.HttpHeaders);
        BlobHeaders.SetMetadata(request, options.Metadata);
        BlobHeaders.SetConditions(request, options.Conditions);
    }

    private static byte[] BlockListXml(IReadOnlyList<string> blockIds)
    {
        using var buffer = new MemoryStream(64 + (blockIds.Count * 90));
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartElement("BlockList");
            foreach (var id in blockIds)
            {
                // Latest: the block just staged under this id, which is ours because the id is unique to this upload.
                writer.WriteElementString("Latest", id);
            }

            writer.WriteEndElement();
        }

        return buffer.ToArray();
    }
}
