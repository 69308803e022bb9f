namespace Serverless.Storage.Blobs;

/// <summary>A blob's whole content in memory, and its properties.</summary>
public class BlobDownloadResult
{
    internal BlobDownloadResult(BinaryData content, BlobDownloadDetails details)
    {
        Content = content;
        Details = details;
    }

    /// <summary>The content.</summary>
    public BinaryData Content { get; }

    /// <summary>The blob's properties.</summary>
    public BlobDownloadDetails Details { get; }
}
