using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>The blob service of one storage account; hands out container clients that share its pipeline.</summary>
/// <remarks>Mirrors <c>Azure.Storage.Blobs.BlobServiceClient</c>. Thread-safe; create one per account and reuse it.</remarks>
public sealed class BlobServiceClient
{
    private readonly StoragePipeline _pipeline;

    /// <summary>Creates a client from a connection string (<c>UseDevelopmentStorage=true</c> works).</summary>
    public BlobServiceClient(string connectionString, StorageClientOptions? options = null)
        : this(StorageConnectionString.Parse(connectionString), options)
    {
    }

    /// <summary>Creates a client for a blob endpoint, host-style (<c>https://acct.blob.core.windows.net</c>) or path-style.</summary>
    public BlobServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, StorageClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        ArgumentNullException.ThrowIfNull(credential);
        Uri = serviceUri;
        _pipeline = new StoragePipeline(StorageService.Blob, credential, options);
    }

    private BlobServiceClient(StorageConnectionString connection, StorageClientOptions? options)
        : this(connection.BlobEndpoint, connection.Credential, options)
    {
    }

    /// <summary>The blob service endpoint.</summary>
    public Uri Uri { get; }

    /// <summary>The storage account name.</summary>
    public string AccountName => _pipeline.Credential.AccountName;

    /// <summary>Returns a client for a container; no request is made.</summary>
    public BlobContainerClient GetBlobContainerClient(string blobContainerName) =>
        new(_pipeline, Uri, blobContainerName);
}
