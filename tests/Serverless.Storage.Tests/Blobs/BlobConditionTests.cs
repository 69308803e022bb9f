using Azure;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobConditionTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "conditions")
{
    private static readonly StorageTransferOptions SmallBlocks = new() { InitialTransferSize = 0, MaximumTransferSize = 4096 };

    [Fact]
    public async Task Upload_with_if_none_match_star_fails_with_409_when_the_blob_exists()
    {
        var blob = Container.GetBlobClient("create-only.txt");
        await blob.UploadAsync(BinaryData.FromString("original"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(
            BinaryData.FromString("intruder"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("original", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Block_upload_with_if_none_match_star_fails_with_409_at_the_commit_when_the_blob_exists()
    {
        var blob = Container.GetBlobClient("create-only-blocks.bin");
        await blob.UploadAsync(BinaryData.FromString("original"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(
            new DeterministicStream(10_000),
            new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All }, TransferOptions = SmallBlocks }));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("original", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Upload_without_overwrite_fails_with_409_when_the_blob_exists()
    {
        var blob = Container.GetBlobClient("no-overwrite.txt");
        await blob.UploadAsync(BinaryData.FromString("original"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("second")));

        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task Upload_with_if_none_match_star_creates_the_blob_when_it_is_absent()
    {
        var blob = Container.GetBlobClient("created.txt");

        await blob.UploadAsync(BinaryData.FromString("new"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } });

        Assert.Equal("new", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Theory]
    [InlineData(1024 * 1024)]
    [InlineData(0)]
    public async Task Upload_with_a_stale_etag_fails_with_412_and_keeps_the_current_content(long initialTransferSize)
    {
        var blob = Container.GetBlobClient($"optimistic-{initialTransferSize}.txt");
        var stale = (await blob.UploadAsync(BinaryData.FromString("v1"))).Value.ETag;
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("v3 from a stale reader"), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { IfMatch = stale },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = initialTransferSize, MaximumTransferSize = 8 },
        }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Upload_with_the_current_etag_replaces_the_content_and_returns_a_new_etag()
    {
        var blob = Container.GetBlobClient("optimistic-ok.txt");
        var current = (await blob.UploadAsync(BinaryData.FromString("v1"))).Value.ETag;

        var next = (await blob.UploadAsync(BinaryData.FromString("v2"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = current } })).Value.ETag;

        Assert.NotEqual(current, next);
        Assert.Equal(next, (await blob.GetPropertiesAsync()).Value.ETag);
        Assert.Equal("v2", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Upload_with_an_etag_condition_fails_with_412_when_the_blob_is_absent()
    {
        var blob = Container.GetBlobClient("absent.txt");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(
            BinaryData.FromString("x"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = new ETag("\"0x8D000000000000\"") } }));

        Assert.Equal(412, error.Status);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Download_with_a_stale_if_match_fails_with_412()
    {
        var blob = Container.GetBlobClient("read-version.txt");
        var stale = (await blob.UploadAsync(BinaryData.FromString("v1"))).Value.ETag;
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DownloadStreamingAsync(
            new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = stale } }));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_with_412_and_keeps_the_blob()
    {
        var blob = Container.GetBlobClient("guarded-delete.txt");
        var stale = (await blob.UploadAsync(BinaryData.FromString("v1"))).Value.ETag;
        await blob.UploadAsync(BinaryData.FromString("v2"), overwrite: true);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync(conditions: new BlobRequestConditions { IfMatch = stale }));

        Assert.Equal(412, error.Status);
        Assert.True((await blob.ExistsAsync()).Value);
    }
}
