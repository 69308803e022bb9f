using System.Buffers.Binary;
using Azure;
using Azure.Core;
using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>
/// Uploads a stream of unknown length in bounded memory: one Put Blob when it ends within the initial size,
/// otherwise blocks staged from reused buffers and committed in stream order by one Put Block List.
/// </summary>
/// <remarks>
/// The commit is the only step that makes content visible, and it is sent only after every block succeeded;
/// a failure leaves staged blocks that the service discards on its own (a week later on Azure, or at the next commit).
/// </remarks>
internal sealed class PartitionedUpload
{
    internal const long DefaultInitialTransferSize = 4 * 1024 * 1024;
    internal const int DefaultBlockSize = 4 * 1024 * 1024;
    internal const long MaxPutBlobSize = 5000L * 1024 * 1024;
    internal const int MaxBlockCount = 50_000;

    private readonly StoragePipeline _pipeline;
    private readonly Uri _blobUri;
    private readonly BlobUploadOptions _options;
    private readonly long _initialSize;
    private readonly int _blockSize;
    private readonly int _concurrency;

    public PartitionedUpload(StoragePipeline pipeline, Uri blobUri, BlobUploadOptions options)
    {
        _pipeline = pipeline;
        _blobUri = blobUri;
        _options = options;
        var transfer = options.TransferOptions;
        _initialSize = transfer.InitialTransferSize ?? DefaultInitialTransferSize;
        var blockSize = transfer.MaximumTransferSize ?? DefaultBlockSize;
        _concurrency = transfer.MaximumConcurrency ?? 1;
        if (_initialSize is < 0 or > MaxPutBlobSize)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _initialSize, $"InitialTransferSize must be 0 to {MaxPutBlobSize} bytes.");
        }

        if (blockSize < 1 || blockSize > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), blockSize, $"MaximumTransferSize must be 1 to {Array.MaxLength} bytes.");
        }

        if (_concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _concurrency, "MaximumConcurrency must be at least 1.");
        }

        _blockSize = (int)blockSize;

        // Checked now, not when the commit is built after the whole body was sent.
        foreach (var (name, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            MetadataRules.Validate(name, value);
        }
    }

    public async Task<Response<BlobContentInfo>> UploadAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffers = new TransferBuffers(_blockSize);

        // Read until the body is known to fit one Put Blob (it ended within the initial size) or known not to.
        var head = new List<Chunk>();
        long total = 0;
        var ended = false;
        while (!ended && total <= _initialSize)
        {
            var chunk = await ReadChunkAsync(content, buffers, cancellationToken);
            if (chunk.Length > 0)
            {
                head.Add(chunk);
            }

            total += chunk.Length;
            ended = chunk.Length < _blockSize;
        }

        if (ended && total <= _initialSize)
        {
            RequestContent body = head.Count == 1 ? RequestContent.Create(head[0].Memory) : new SegmentedContent([.. head.Select(c => c.Memory)]);
            return await BlockBlobRequests.PutBlobAsync(_pipeline, _blobUri, body, _options, cancellationToken);
        }

        var blockIds = await StageBlocksAsync(content, head, ended, buffers, cancellationToken);
        return await BlockBlobRequests.CommitBlockListAsync(_pipeline, _blobUri, blockIds, _options, cancellationToken);
    }

    private async Task<List<string>> StageBlocksAsync(
        Stream content, List<Chunk> head, bool ended, TransferBuffers buffers, CancellationToken cancellationToken)
    {
        var uploadId = Guid.NewGuid();
        var leaseId = _options.Conditions?.LeaseId;
        var blockIds = new List<string>();
        var inFlight = new List<(Task Task, byte[] Buffer)>(_concurrency);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var next = 0;
            while (true)
            {
                Chunk chunk;
                if (next < head.Count)
                {
                    chunk = head[next++];
                }
                else if (ended)
                {
                    break;
                }
                else
                {
                    // Read the next block while the previous ones are still being sent.
                    chunk = await ReadChunkAsync(content, buffers, cancellationToken);
                    ended = chunk.Length < _blockSize;
                    if (chunk.Length == 0)
                    {
                        buffers.Return(chunk.Buffer);
                        break;
                    }
                }

                if (blockIds.Count == MaxBlockCount)
                {
                    throw new InvalidOperationException(
                        $"The body needs more than {MaxBlockCount} blocks of {_blockSize} bytes; raise MaximumTransferSize.");
                }

                while (inFlight.Count >= _concurrency)
                {
                    await CompleteOneAsync(inFlight, buffers);
                }

                var blockId = BlockId(uploadId, blockIds.Count);
                blockIds.Add(blockId);
                inFlight.Add((BlockBlobRequests.StageBlockAsync(_pipeline, _blobUri, blockId, chunk.Memory, leaseId, abandon.Token), chunk.Buffer));
            }

            while (inFlight.Count > 0)
            {
                await CompleteOneAsync(inFlight, buffers);
            }
        }
        catch
        {
            // Nothing is committed. Stop the other blocks and wait for them, since their buffers return to the pool after this.
            await abandon.CancelAsync();
            foreach (var (task, _) in inFlight)
            {
                await task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            throw;
        }

        return blockIds;
    }

    private async Task<Chunk> ReadChunkAsync(Stream content, TransferBuffers buffers, CancellationToken cancellationToken)
    {
        var buffer = buffers.Rent();
        var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, _blockSize), _blockSize, throwOnEndOfStream: false, cancellationToken);
        return new Chunk(buffer, read);
    }

    private static async Task CompleteOneAsync(List<(Task Task, byte[] Buffer)> inFlight, TransferBuffers buffers)
    {
        var done = inFlight.Count == 1 ? inFlight[0].Task : await Task.WhenAny(inFlight.Select(f => f.Task));
        var index = inFlight.FindIndex(f => f.Task == done);
        var buffer = inFlight[index].Buffer;
        inFlight.RemoveAt(index);
        await done;
        buffers.Return(buffer);
    }

    /// <summary>48 bytes (64 in Base64) like the Azure SDK's ids, because Azure rejects a blob's blocks whose ids differ in length.</summary>
    /// <remarks>The random upload id keeps a concurrent or abandoned upload's blocks from being committed by mistake.</remarks>
    internal static string BlockId(Guid uploadId, int index)
    {
        Span<byte> id = stackalloc byte[48];
        uploadId.TryWriteBytes(id);
        BinaryPrimitives.WriteInt64BigEndian(id[16..], index);
        return Convert.ToBase64String(id);
    }

    private readonly record struct Chunk(byte[] Buffer, int Length)
    {
        public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);
    }
}
