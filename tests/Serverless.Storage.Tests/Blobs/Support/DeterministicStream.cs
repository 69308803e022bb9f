using System.Security.Cryptography;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>
/// A read-only, non-seekable stream of pseudo-random bytes from a seed, as an upload from a request body would be.
/// It hashes what it hands out, can return short reads as a network stream does, and can fail part-way to simulate
/// a source that breaks mid-upload.
/// </summary>
public sealed class DeterministicStream(long length, ulong seed = 0x9E3779B97F4A7C15, long failAt = -1, int maxReadSize = int.MaxValue)
    : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private ulong _state = seed == 0 ? 1 : seed;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The bytes a stream with this seed produces, for comparing small blobs.</summary>
    public static byte[] Bytes(int length, ulong seed = 0x9E3779B97F4A7C15)
    {
        using var stream = new DeterministicStream(length, seed);
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>SHA-256 of everything read so far.</summary>
    public byte[] HashOfBytesRead() => _hash.GetCurrentHash();

    public override int Read(Span<byte> buffer)
    {
        if (failAt >= 0 && _position >= failAt)
        {
            throw new IOException("The source stream broke (simulated).");
        }

        var limit = failAt >= 0 ? Math.Min(length, failAt) : length;
        var count = (int)Math.Min(Math.Min(buffer.Length, maxReadSize), limit - _position);
        for (var i = 0; i < count; i++)
        {
            // xorshift64: cheap, and the same bytes for the same seed every run.
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[i] = (byte)_state;
        }

        _hash.AppendData(buffer[..count]);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

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
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
