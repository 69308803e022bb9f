using System.Security.Cryptography;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobRoundTripTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "roundtrip")
{
    private const int KiB = 1024;

    [Fact]
    public async Task Upload_then_download_returns_the_same_bytes_content_type_and_metadata()
    {
        var blob = Container.GetBlobClient("case-1/passport.pdf");
        var bytes = DeterministicStream.Bytes(100 * KiB);

        await blob.UploadAsync(new MemoryStream(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/pdf", ContentDisposition = "attachment" },
            Metadata = new Dictionary<string, string> { ["caseId"] = "case-1", ["kind"] = "passport" },
        });
        using var download = (await blob.DownloadStreamingAsync()).Value;
        var read = new MemoryStream();
        await download.Content.CopyToAsync(read);

        Assert.Equal(bytes, read.ToArray());
        Assert.Equal("application/pdf", download.Details.ContentType);
        Assert.Equal("attachment", download.Details.ContentDisposition);
        Assert.Equal("case-1", download.Details.Metadata["caseId"]);
        Assert.Equal("passport", download.Details.Metadata["KIND"]);
        Assert.Equal(bytes.Length, download.Details.ContentLength);
    }

    [Theory]
    [InlineData(16 * KiB)]
    [InlineData(64 * KiB)]
    public async Task Body_of_exactly_the_initial_size_is_sent_as_one_put_blob(int blockSize)
    {
        var blob = Container.GetBlobClient($"exact-{blockSize}.bin");

        var info = (await blob.UploadAsync(new DeterministicStream(64 * KiB, maxReadSize: 1000), Transfer(initial: 64 * KiB, block: blockSize))).Value;

        Assert.Equal(1, Requests.Count("PUT", null));
        Assert.Equal(0, Requests.Count("PUT", "block"));
        Assert.Equal(0, Requests.Count("PUT", "blocklist"));
        Assert.Equal(DeterministicStream.Bytes(64 * KiB), (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.NotEqual(default, info.ETag);
        Assert.NotNull(info.ContentHash);
    }

    [Fact]
    public async Task Body_one_byte_over_the_initial_size_is_staged_as_blocks_and_committed_once()
    {
        var blob = Container.GetBlobClient("blocks.bin");
        const int length = (64 * KiB) + 1;

        await blob.UploadAsync(new DeterministicStream(length, maxReadSize: 3000), Transfer(initial: 64 * KiB, block: 16 * KiB));

        Assert.Equal(0, Requests.Count("PUT", null));
        Assert.Equal(5, Requests.Count("PUT", "block"));
        Assert.Equal(1, Requests.Count("PUT", "blocklist"));
        Assert.Equal(DeterministicStream.Bytes(length), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Initial_size_above_the_block_size_sends_one_put_blob_from_several_buffers()
    {
        var blob = Container.GetBlobClient("segmented.bin");
        const int length = (40 * KiB) + 123;

        await blob.UploadAsync(new DeterministicStream(length), Transfer(initial: 64 * KiB, block: 8 * KiB));

        Assert.Equal(1, Requests.Count("PUT", null));
        Assert.Equal(0, Requests.Count("PUT", "block"));
        Assert.Equal(DeterministicStream.Bytes(length), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Parallel_blocks_are_committed_in_stream_order()
    {
        var blob = Container.GetBlobClient("parallel.bin");
        const int length = (200 * KiB) + 7;

        await blob.UploadAsync(new DeterministicStream(length), Transfer(initial: 0, block: 8 * KiB, concurrency: 6));

        Assert.Equal(26, Requests.Count("PUT", "block"));
        Assert.Equal(DeterministicStream.Bytes(length), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Content_type_and_metadata_set_on_a_block_upload_are_stored_by_the_commit()
    {
        var blob = Container.GetBlobClient("blocks-with-headers.bin");

        await blob.UploadAsync(new DeterministicStream(50 * KiB), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "image/jpeg" },
            Metadata = new Dictionary<string, string> { ["page"] = "2" },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 0, MaximumTransferSize = 16 * KiB },
        });

        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal("image/jpeg", properties.ContentType);
        Assert.Equal("2", properties.Metadata["page"]);
        Assert.Equal(50 * KiB, properties.ContentLength);
        Assert.Equal(1, Requests.Count("PUT", "blocklist"));
    }

    [Fact]
    public async Task Empty_stream_uploads_an_empty_blob()
    {
        var blob = Container.GetBlobClient("empty.txt");

        await blob.UploadAsync(Stream.Null);

        Assert.Equal(0, (await blob.GetPropertiesAsync()).Value.ContentLength);
        Assert.Empty((await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Download_of_a_range_returns_only_those_bytes()
    {
        var blob = Container.GetBlobClient("ranged.bin");
        var bytes = DeterministicStream.Bytes(10 * KiB);
        await blob.UploadAsync(BinaryData.FromBytes(bytes));

        var result = (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new Azure.HttpRange(1000, 500) })).Value;

        Assert.Equal(bytes[1000..1500], result.Content.ToArray());
        Assert.Equal(500, result.Details.ContentLength);
        Assert.Equal($"bytes 1000-1499/{bytes.Length}", result.Details.ContentRange);
    }

    [Fact]
    public async Task Uploading_with_overwrite_replaces_the_content()
    {
        var blob = Container.GetBlobClient("replaced.txt");
        await blob.UploadAsync(BinaryData.FromString("first"));

        await blob.UploadAsync(BinaryData.FromString("second"), overwrite: true);

        Assert.Equal("second", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Downloaded_hash_matches_the_stored_md5_of_a_single_request_upload()
    {
        var blob = Container.GetBlobClient("hashed.bin");
        var bytes = DeterministicStream.Bytes(5000);

        await blob.UploadAsync(BinaryData.FromBytes(bytes));

        Assert.Equal(MD5.HashData(bytes), (await blob.GetPropertiesAsync()).Value.ContentHash);
    }

    private static BlobUploadOptions Transfer(long initial, long block, int concurrency = 1) => new()
    {
        TransferOptions = new StorageTransferOptions
        {
            InitialTransferSize = initial,
            MaximumTransferSize = block,
            MaximumConcurrency = concurrency,
        },
    };
}
