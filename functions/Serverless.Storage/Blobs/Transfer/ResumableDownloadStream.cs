using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>
/// A download's content stream that, when the connection breaks mid-body, re-requests the rest of the range
/// (from the byte it stopped at, guarded by the ETag first read) and carries on, up to a few times.
/// </summary>
/// <remarks>
/// The ETag guard means a resumed read never splices two versions together: if the blob changed meanwhile, the
/// read fails with 412 <c>ConditionNotMet</c>. A caller's cancellation is never taken for a broken connection.
/// </remarks>
internal sealed class ResumableDownloadStream(
    Stream initial, HttpRange range, Func<HttpRange, CancellationToken, Task<Stream>> reopen, int maxResumes) : Stream
{
    private Stream _current = initial;
    private long _position;
    private int _resumes;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var read = await _current.ReadAsync(buffer, cancellationToken);
                _position += read;
                return read;
            }
            catch (Exception ex) when (IsBrokenConnection(ex, cancellationToken) && _resumes < maxResumes)
            {
                _resumes++;
                await _current.DisposeAsync();
                _current = await reopen(Remaining(), cancellationToken);
            }
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(Span<byte> buffer)
    {
        while (true)
        {
            try
            {
                var read = _current.Read(buffer);
                _position += read;
                return read;
            }
            catch (Exception ex) when (IsBrokenConnection(ex, CancellationToken.None) && _resumes < maxResumes)
            {
                _resumes++;
                _current.Dispose();

                // The client is async only; a synchronous reader pays a blocking wait on this rare path alone.
                _current = reopen(Remaining(), CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

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
            _current.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await _current.DisposeAsync();
        await base.DisposeAsync();
    }

    private HttpRange Remaining() =>
        new(range.Offset + _position, range.Length is { } length ? length - _position : null);

    // A read timeout inside the pipeline surfaces as a cancellation the caller did not ask for.
    private static bool IsBrokenConnection(Exception ex, CancellationToken cancellationToken) =>
        ex is IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
