using Azure.Core;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>An upload that fails part-way must leave the blob as it was: absent, or with its previous content.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobFailedUploadTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "failed")
{
    private static readonly StorageTransferOptions SmallBlocks = new() { InitialTransferSize = 16 * 1024, MaximumTransferSize = 8 * 1024 };

    [Fact]
    public async Task Source_stream_failing_after_some_blocks_leaves_no_visible_blob()
    {
        var blob = Container.GetBlobClient("abandoned.bin");

        await Assert.ThrowsAsync<IOException>(() => blob.UploadAsync(
            new DeterministicStream(100_000, failAt: 40_000), new BlobUploadOptions { TransferOptions = SmallBlocks }));

        Assert.True(Requests.Count("PUT", "block") >= 3, "blocks should have been staged before the source broke");
        Assert.Equal(0, Requests.Count("PUT", "blocklist"));
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.Empty(await NamesAsync(BlobStates.None));
        Assert.Equal(["abandoned.bin"], await NamesAsync(BlobStates.Uncommitted));
    }

    [Fact]
    public async Task Block_request_failing_leaves_no_visible_blob_and_sends_no_commit()
    {
        var faults = new FaultInjectionPolicy(m => m.Request.Uri.Query.Contains("comp=block&", StringComparison.Ordinal), failOnMatch: 3);
        var blob = ClientWith(faults).GetBlobClient("dropped.bin");

        await Assert.ThrowsAsync<IOException>(() => blob.UploadAsync(
            new DeterministicStream(100_000), new BlobUploadOptions { TransferOptions = SmallBlocks with { MaximumConcurrency = 3 } }));

        Assert.Equal(0, Requests.Count("PUT", "blocklist"));
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.Empty(await NamesAsync(BlobStates.None));
    }

    [Fact]
    public async Task Failed_block_upload_over_an_existing_blob_keeps_its_previous_content()
    {
        var blob = Container.GetBlobClient("kept.bin");
        var before = (await blob.UploadAsync(BinaryData.FromString("previous"))).Value.ETag;

        await Assert.ThrowsAsync<IOException>(() => blob.UploadAsync(
            new DeterministicStream(100_000, failAt: 50_000), new BlobUploadOptions { TransferOptions = SmallBlocks }));

        Assert.Equal("previous", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(before, (await blob.GetPropertiesAsync()).Value.ETag);
    }

    [Fact]
    public async Task Cancelled_block_upload_leaves_no_visible_blob()
    {
        using var cancel = new CancellationTokenSource();
        var blob = Container.GetBlobClient("cancelled.bin");
        var source = new CancellingStream(new DeterministicStream(100_000), cancelAfterBytes: 40_000, cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => blob.UploadAsync(
            source, new BlobUploadOptions { TransferOptions = SmallBlocks }, cancel.Token));

        Assert.Equal(0, Requests.Count("PUT", "blocklist"));
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_later_upload_after_an_abandoned_one_commits_only_its_own_blocks()
    {
        var blob = Container.GetBlobClient("retried.bin");
        await Assert.ThrowsAsync<IOException>(() => blob.UploadAsync(
            new DeterministicStream(100_000, seed: 7, failAt: 60_000), new BlobUploadOptions { TransferOptions = SmallBlocks }));

        await blob.UploadAsync(new DeterministicStream(30_000, seed: 8), new BlobUploadOptions { TransferOptions = SmallBlocks });

        Assert.Equal(DeterministicStream.Bytes(30_000, seed: 8), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    private BlobContainerClient ClientWith(FaultInjectionPolicy faults)
    {
        var options = new StorageClientOptions();
        options.AddPolicy(faults, HttpPipelinePosition.PerCall);
        options.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(ConnectionString, options).GetBlobContainerClient(Container.Name);
    }

    private async Task<List<string>> NamesAsync(BlobStates states)
    {
        var names = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(states: states))
        {
            names.Add(item.Name);
        }

        return names;
    }

    /// <summary>Cancels the upload's token once enough bytes were read, as a caller giving up mid-upload would.</summary>
    private sealed class CancellingStream(Stream inner, long cancelAfterBytes, CancellationTokenSource cancel) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_read >= cancelAfterBytes)
            {
                await cancel.CancelAsync();
            }

            cancellationToken.ThrowIfCancellationRequested();
            var read = await inner.ReadAsync(buffer, cancellationToken);
            _read += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
