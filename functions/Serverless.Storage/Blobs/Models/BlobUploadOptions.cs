namespace Serverless.Storage.Blobs;

/// <summary>Optional parameters of <see cref="BlobClient.UploadAsync(Stream, BlobUploadOptions, CancellationToken)"/>.</summary>
public class BlobUploadOptions
{
    /// <summary>Content type and other HTTP properties to store with the blob.</summary>
    public BlobHttpHeaders? HttpHeaders { get; set; }

    /// <summary>User-defined metadata: names are C# identifiers, values ASCII (an Azure rule for HTTP headers).</summary>
    public IDictionary<string, string>? Metadata { get; set; }

    /// <summary>Preconditions, applied to the request that makes the content visible (Put Blob or Put Block List).</summary>
    public BlobRequestConditions? Conditions { get; set; }

    /// <summary>Single-request threshold, block size and parallelism.</summary>
    public StorageTransferOptions TransferOptions { get; set; }
}
