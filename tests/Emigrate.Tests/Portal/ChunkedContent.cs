using System.Net;

namespace Emigrate.Tests.Portal;

/// <summary>A request body of unknown length (sent chunked, no Content-Length), optionally failing part-way like a dropped connection.</summary>
public sealed class ChunkedContent : HttpContent
{
    private readonly byte[] head;
    private readonly long length;
    private readonly long? failAfter;

    public ChunkedContent(byte[] head, long length, string contentType, long? failAfter = null)
    {
        this.head = head;
        this.length = length;
        this.failAfter = failAfter;
        this.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
    }

    public static byte[] PdfHead => "%PDF-1.7\n"u8.ToArray();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        var chunk = new byte[64 * 1024];
        long sent = 0;
        while (sent < this.length)
        {
            int size = (int)Math.Min(chunk.Length, this.length - sent);
            Array.Clear(chunk);
            if (sent == 0)
            {
                this.head.CopyTo(chunk, 0);
            }

            if (this.failAfter is { } limit && sent + size > limit)
            {
                throw new IOException("The test dropped the upload part-way.");
            }

            await stream.WriteAsync(chunk.AsMemory(0, size));
            sent += size;
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
