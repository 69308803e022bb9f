using Azure;
using Azure.Core;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobResumedDownloadTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "resumed")
{
    private const int Length = 300_000;

    [Fact]
    public async Task Download_broken_mid_body_resumes_where_it_stopped_and_returns_every_byte_once()
    {
        await Container.GetBlobClient("resumed.bin").UploadAsync(new DeterministicStream(Length));
        var blob = ClientWith(new BrokenBodyPolicy(breakAfterBytes: 100_000, downloadsToBreak: 2)).GetBlobClient("resumed.bin");

        var content = (await blob.DownloadContentAsync()).Value.Content.ToArray();

        Assert.Equal(DeterministicStream.Bytes(Length), content);
        Assert.Equal(3, Requests.Count("GET", null));
    }

    [Fact]
    public async Task Ranged_download_broken_mid_body_resumes_within_the_range()
    {
        await Container.GetBlobClient("ranged.bin").UploadAsync(new DeterministicStream(Length));
        var blob = ClientWith(new BrokenBodyPolicy(breakAfterBytes: 10_000, downloadsToBreak: 1)).GetBlobClient("ranged.bin");

        var content = (await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(50_000, 30_000) })).Value.Content.ToArray();

        Assert.Equal(DeterministicStream.Bytes(Length)[50_000..80_000], content);
    }

    [Fact]
    public async Task Download_gives_up_after_three_resumes()
    {
        await Container.GetBlobClient("hopeless.bin").UploadAsync(new DeterministicStream(Length));
        var blob = ClientWith(new BrokenBodyPolicy(breakAfterBytes: 1_000, downloadsToBreak: 10)).GetBlobClient("hopeless.bin");

        await Assert.ThrowsAsync<IOException>(() => blob.DownloadContentAsync());

        Assert.Equal(4, Requests.Count("GET", null));
    }

    [Fact]
    public async Task Resume_after_the_blob_was_replaced_fails_with_412_instead_of_mixing_versions()
    {
        var writer = Container.GetBlobClient("replaced.bin");
        await writer.UploadAsync(new DeterministicStream(Length, seed: 1));
        var blob = ClientWith(new BrokenBodyPolicy(breakAfterBytes: 100_000, downloadsToBreak: 1)).GetBlobClient("replaced.bin");
        using var download = (await blob.DownloadStreamingAsync()).Value;
        var buffer = new byte[100_000];
        await download.Content.ReadExactlyAsync(buffer);

        await writer.UploadAsync(new DeterministicStream(Length, seed: 2), overwrite: true);
        var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await download.Content.ReadExactlyAsync(buffer.AsMemory(0, 1000)));

        Assert.Equal(412, error.Status);
        Assert.Equal("ConditionNotMet", error.ErrorCode);
    }

    private BlobContainerClient ClientWith(BrokenBodyPolicy faults)
    {
        var options = new StorageClientOptions();
        options.AddPolicy(Requests, HttpPipelinePosition.PerRetry);
        options.AddPolicy(faults, HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(ConnectionString, options).GetBlobContainerClient(Container.Name);
    }
}
