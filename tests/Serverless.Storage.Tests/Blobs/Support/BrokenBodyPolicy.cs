using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>Breaks the bodies of the first few blob downloads after some bytes, as a connection reset mid-body would.</summary>
public sealed class BrokenBodyPolicy(int breakAfterBytes, int downloadsToBreak) : HttpPipelineSynchronousPolicy
{
    private int _broken;

    public override void OnReceivedResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var isDownload = message.Request.Method == RequestMethod.Get && !message.Request.Uri.Query.Contains("comp=", StringComparison.Ordinal);
        if (isDownload && message.Response.Status is 200 or 206 && Interlocked.Increment(ref _broken) <= downloadsToBreak)
        {
            message.Response.ContentStream = new BreakingStream(message.Response.ContentStream!, breakAfterBytes);
        }
    }

    private sealed class BreakingStream(Stream inner, long breakAfterBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= breakAfterBytes)
            {
                throw new IOException("Connection reset by peer (injected).");
            }

            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, breakAfterBytes - _read)], cancellationToken);
            _read += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) =>
            ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
