using Azure.Core;

namespace Serverless.Storage.Blobs;

/// <summary>A request body made of several buffers sent back to back, so a Put Blob needs no contiguous copy.</summary>
/// <remarks>Does not own the buffers; the pipeline may send it more than once on retry.</remarks>
internal sealed class SegmentedContent(IReadOnlyList<ReadOnlyMemory<byte>> segments) : RequestContent
{
    public override bool TryComputeLength(out long length)
    {
        length = 0;
        foreach (var segment in segments)
        {
            length += segment.Length;
        }

        return true;
    }

    public override void WriteTo(Stream stream, CancellationToken cancellationToken)
    {
        foreach (var segment in segments)
        {
            cancellationToken.ThrowIfCancellationRequested();
            stream.Write(segment.Span);
        }
    }

    public override async Task WriteToAsync(Stream stream, CancellationToken cancellationToken)
    {
        foreach (var segment in segments)
        {
            await stream.WriteAsync(segment, cancellationToken);
        }
    }

    public override void Dispose()
    {
    }
}
