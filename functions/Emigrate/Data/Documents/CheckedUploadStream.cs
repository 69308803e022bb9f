using System.Security.Cryptography;
using Emigrate.Domain.Documents;

namespace Emigrate.Data.Documents;

/// <summary>Why an upload's bytes were refused while they streamed.</summary>
public enum UploadRejection
{
    /// <summary>No bytes.</summary>
    Empty,

    /// <summary>More than <see cref="DocumentContent.MaxBytes"/>.</summary>
    TooLarge,

    /// <summary>The first bytes are not the declared format.</summary>
    NotDeclaredFormat,
}

/// <summary>Thrown from a read of <see cref="CheckedUploadStream"/>, which aborts the blob upload before its commit.</summary>
/// <param name="reason">Why.</param>
/// <param name="message">The sentence for the caller.</param>
public sealed class UploadRejectedException(UploadRejection reason, string message) : Exception(message)
{
    /// <summary>Why.</summary>
    public UploadRejection Reason { get; } = reason;
}

/// <summary>
/// Passes a request body through to the blob upload while counting it (refusing as soon as it passes the limit),
/// hashing it incrementally and checking its magic bytes as soon as enough arrived.
/// </summary>
/// <remarks>
/// The refusals are exceptions from <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> because the blob
/// client commits only after its source stream ended: throwing there is what keeps a bad upload invisible.
/// </remarks>
public sealed class CheckedUploadStream(Stream inner, DocumentFormat declared, Action<string> onHashed) : Stream
{
    private readonly IncrementalHash _sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _head = new byte[DocumentContent.SniffLength];
    private int _headLength;
    private bool _sniffed;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The SHA-256 (lower-case hex) once the body ended; null before.</summary>
    public string? Sha256 { get; private set; }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => this.BytesRead; set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await inner.ReadAsync(buffer, cancellationToken);
        if (read == 0)
        {
            this.Finish();
            return 0;
        }

        this.BytesRead += read;
        if (this.BytesRead > DocumentContent.MaxBytes)
        {
            throw new UploadRejectedException(UploadRejection.TooLarge, $"A document may be at most {DocumentContent.MaxBytes / (1024 * 1024)} MB.");
        }

        ReadOnlySpan<byte> bytes = buffer.Span[..read];
        if (this._headLength < this._head.Length)
        {
            int take = Math.Min(this._head.Length - this._headLength, read);
            bytes[..take].CopyTo(this._head.AsSpan(this._headLength));
            this._headLength += take;
            if (this._headLength == this._head.Length)
            {
                this.Sniff();
            }
        }

        this._sha.AppendData(bytes);
        return read;
    }

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        this.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => this.ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            this._sha.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Sniff()
    {
        this._sniffed = true;
        if (DocumentContent.Check(DocumentContent.ContentType(declared), this.BytesRead, this._head.AsSpan(0, this._headLength)) is { } problem)
        {
            throw new UploadRejectedException(UploadRejection.NotDeclaredFormat, problem);
        }
    }

    private void Finish()
    {
        if (this.Sha256 is not null)
        {
            return;
        }

        if (this.BytesRead == 0)
        {
            throw new UploadRejectedException(UploadRejection.Empty, "The file is empty.");
        }

        if (!this._sniffed)
        {
            this.Sniff();
        }

        this.Sha256 = Convert.ToHexStringLower(this._sha.GetHashAndReset());
        onHashed(this.Sha256);
    }
}
