namespace Serverless.Storage.Blobs;

/// <summary>A blob's content as a stream straight off the network, and its properties.</summary>
/// <remarks>Dispose it (or its <see cref="Content"/>) to release the connection.</remarks>
public sealed class BlobDownloadStreamingResult : IDisposable
{
    internal BlobDownloadStreamingResult(Stream content, BlobDownloadDetails details)
    {
        Content = content;
        Details = details;
    }

    /// <summary>The content; read it once, front to back. It is not buffered.</summary>
    public Stream Content { get; }

    /// <summary>The blob's properties.</summary>
    public BlobDownloadDetails Details { get; }

    /// <inheritdoc />
    public void Dispose() => Content.Dispose();
}
