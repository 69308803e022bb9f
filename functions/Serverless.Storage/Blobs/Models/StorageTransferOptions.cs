namespace Serverless.Storage.Blobs;

/// <summary>How an upload is split into requests and how much memory it may hold.</summary>
/// <remarks>
/// An upload buffers at most <c>max(InitialTransferSize + MaximumTransferSize, (MaximumConcurrency + 1) × MaximumTransferSize)</c>
/// bytes, in arrays rented from <see cref="System.Buffers.ArrayPool{T}"/> and reused block after block.
/// In the Azure SDK this type lives in <c>Azure.Storage</c>.
/// </remarks>
public struct StorageTransferOptions : IEquatable<StorageTransferOptions>
{
    /// <summary>How many blocks may be in flight at once; default 1.</summary>
    public int? MaximumConcurrency { get; set; }

    /// <summary>Bodies up to this many bytes go in one Put Blob; default 4 MiB, at most 5000 MiB.</summary>
    public long? InitialTransferSize { get; set; }

    /// <summary>The block size of larger bodies; default 4 MiB, at most <see cref="Array.MaxLength"/>.</summary>
    public long? MaximumTransferSize { get; set; }

    /// <inheritdoc />
    public readonly bool Equals(StorageTransferOptions other) =>
        MaximumConcurrency == other.MaximumConcurrency
        && InitialTransferSize == other.InitialTransferSize
        && MaximumTransferSize == other.MaximumTransferSize;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is StorageTransferOptions other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(MaximumConcurrency, InitialTransferSize, MaximumTransferSize);

    /// <summary>Whether two option sets are equal.</summary>
    public static bool operator ==(StorageTransferOptions left, StorageTransferOptions right) => left.Equals(right);

    /// <summary>Whether two option sets differ.</summary>
    public static bool operator !=(StorageTransferOptions left, StorageTransferOptions right) => !left.Equals(right);
}
