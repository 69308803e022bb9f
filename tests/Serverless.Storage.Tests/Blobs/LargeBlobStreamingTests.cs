using System.Security.Cryptography;
using Serverless.Storage.Blobs;
using Serverless.Testing;
using Xunit.Abstractions;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteSerialCollection.Name)]
public sealed class LargeBlobStreamingTests(AzuriteFixture fixture, ITestOutputHelper output) : BlobContainerTestBase(fixture, "large")
{
    private const long Size = 50L * 1024 * 1024;

    // An upload holds at most two default 4 MiB block buffers (one being sent, the next being read), rented from the
    // pool; 4 MiB more covers request overhead. A download holds no body buffer at all. A regression that buffers
    // the body, or even a quarter of it, cannot pass under these budgets.
    private const long UploadBudget = 12L * 1024 * 1024;
    private const long DownloadBudget = 4L * 1024 * 1024;

    [Fact]
    public async Task Fifty_megabyte_blob_streams_up_and_down_with_bounded_memory()
    {
        var blob = Container.GetBlobClient("large/50mb.bin");
        await WarmUpAsync();

        var beforeUpload = GC.GetTotalAllocatedBytes(precise: true);
        using var source = new DeterministicStream(Size, maxReadSize: 64 * 1024);
        await blob.UploadAsync(source, overwrite: true);
        var afterUpload = GC.GetTotalAllocatedBytes(precise: true);

        using var downloaded = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        using (var download = (await blob.DownloadStreamingAsync()).Value)
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await download.Content.ReadAsync(buffer)) > 0)
            {
                downloaded.AppendData(buffer, 0, read);
                length += read;
            }
        }

        var afterDownload = GC.GetTotalAllocatedBytes(precise: true);
        var uploadBytes = afterUpload - beforeUpload;
        var downloadBytes = afterDownload - afterUpload;
        output.WriteLine($"Allocated while uploading {Size:N0} bytes: {uploadBytes:N0}; while downloading: {downloadBytes:N0}.");
        output.WriteLine($"Requests: {string.Join(", ", Requests.Entries.GroupBy(e => $"{e.Method} {e.Comp}").Select(g => $"{g.Key}×{g.Count()}"))}");

        Assert.Equal(Size, length);
        Assert.Equal(source.HashOfBytesRead(), downloaded.GetCurrentHash());
        Assert.Equal(13, Requests.Count("PUT", "block"));
        Assert.Equal(1, Requests.Count("PUT", "blocklist"));
        Assert.InRange(uploadBytes, 0, UploadBudget);
        Assert.InRange(downloadBytes, 0, DownloadBudget);
    }

    // First use JIT-compiles the pipeline and opens a connection; neither belongs in the measurement.
    private async Task WarmUpAsync()
    {
        var warmUp = Container.GetBlobClient("large/warm-up.bin");
        await warmUp.UploadAsync(new DeterministicStream(5 * 1024 * 1024), overwrite: true);
        using var download = (await warmUp.DownloadStreamingAsync()).Value;
        await download.Content.CopyToAsync(Stream.Null);
        await warmUp.DeleteAsync();
        Requests.Clear();
    }
}
