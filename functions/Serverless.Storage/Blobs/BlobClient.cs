using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>One block blob: upload, download, properties, delete and leases.</summary>
/// <remarks>Mirrors <c>Azure.Storage.Blobs.BlobClient</c>. Thread-safe; no request is made until a method is called.</remarks>
public sealed partial class BlobClient
{
    /// <summary>Creates a client from a connection string, a container name and a blob name.</summary>
    public BlobClient(string connectionString, string blobContainerName, string blobName, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), blobContainerName, blobName, options)
    {
    }

    private BlobClient(StorageConnectionString connection, string blobContainerName, string blobName, StorageClientOptions? options)
        : this(new StoragePipeline(StorageService.Blob, connection.Credential, options), connection.BlobEndpoint, blobContainerName, blobName)
    {
    }

    internal BlobClient(StoragePipeline pipeline, Uri serviceUri, string blobContainerName, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        Pipeline = pipeline;
        BlobContainerName = blobContainerName;
        Name = blobName;
        Uri = UriPaths.Append(serviceUri, blobContainerName, blobName);
    }

    /// <summary>The blob name.</summary>
    public string Name { get; }

    /// <summary>The name of the blob's container.</summary>
    public string BlobContainerName { get; }

    /// <summary>The blob's URI, each name segment percent-encoded.</summary>
    public Uri Uri { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName => Pipeline.Credential.AccountName;

    internal StoragePipeline Pipeline { get; }

    /// <summary>Returns a lease client for this blob, with the given lease id or a new random one.</summary>
    public BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(this, leaseId);
}
