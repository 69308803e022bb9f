using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>One blob container: create, delete, list, lease, and clients for its blobs.</summary>
/// <remarks>Mirrors <c>Azure.Storage.Blobs.BlobContainerClient</c>. Thread-safe.</remarks>
public sealed partial class BlobContainerClient
{
    /// <summary>Creates a client from a connection string and a container name.</summary>
    public BlobContainerClient(string connectionString, string blobContainerName, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), blobContainerName, options)
    {
    }

    private BlobContainerClient(StorageConnectionString connection, string blobContainerName, StorageClientOptions? options)
        : this(new StoragePipeline(StorageService.Blob, connection.Credential, options), connection.BlobEndpoint, blobContainerName)
    {
    }

    internal BlobContainerClient(StoragePipeline pipeline, Uri serviceUri, string blobContainerName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobContainerName);
        Pipeline = pipeline;
        ServiceUri = serviceUri;
        Name = blobContainerName;
        Uri = UriPaths.Append(serviceUri, blobContainerName);
    }

    /// <summary>The container name.</summary>
    public string Name { get; }

    /// <summary>The container's URI.</summary>
    public Uri Uri { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName => Pipeline.Credential.AccountName;

    internal StoragePipeline Pipeline { get; }

    internal Uri ServiceUri { get; }

    /// <summary>Returns a client for a blob in this container; the name may contain '/' (virtual folders).</summary>
    public BlobClient GetBlobClient(string blobName) => new(Pipeline, ServiceUri, Name, blobName);

    /// <summary>Returns a lease client for this container, with the given lease id or a new random one.</summary>
    public BlobLeaseClient GetBlobLeaseClient(string? leaseId = null) => new(this, leaseId);
}
