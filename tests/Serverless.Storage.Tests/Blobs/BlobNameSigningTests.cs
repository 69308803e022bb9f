using Azure.Core;
using Serverless.Storage.Blobs;
using Serverless.Storage.Core;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>
/// Shared Key signs the percent-encoded path and the decoded query; a mismatch between what is signed and what is
/// sent fails with 403, so every operation here on an awkward name is a signing test.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobNameSigningTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "names")
{
    public static TheoryData<string> AwkwardNames => new()
    {
        "dir/ज़ file (1).pdf",
        "über/naïve café.txt",
        "日本語/ファイル 2.pdf",
        "emoji 📄 scan.pdf",
        "a+b=c&d#e?f%20g;h,i.txt",
        "quote's [x] {y} ~!@$^.txt",
    };

    [Theory]
    [MemberData(nameof(AwkwardNames))]
    public async Task Blob_with_spaces_and_non_ascii_characters_round_trips_through_every_operation(string name)
    {
        var blob = Container.GetBlobClient(name);

        await blob.UploadAsync(BinaryData.FromString(name), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8", ContentDisposition = "attachment; filename=\"scan (1).pdf\"" },
            Metadata = new Dictionary<string, string> { ["original_name"] = Uri.EscapeDataString(name) },
        });
        var properties = (await blob.GetPropertiesAsync()).Value;
        var content = (await blob.DownloadContentAsync()).Value.Content.ToString();
        var listed = new List<string>();
        await foreach (var item in Container.GetBlobsAsync(BlobTraits.Metadata, prefix: name[..^3]))
        {
            listed.Add(item.Name);
        }

        Assert.Equal(name, content);
        Assert.Equal(name, Uri.UnescapeDataString(properties.Metadata["original_name"]));
        Assert.Equal([name], listed);
        Assert.True((await blob.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task Block_upload_and_lease_on_a_non_ascii_name_are_signed_correctly()
    {
        var blob = Container.GetBlobClient("dir/ज़ file (1).pdf");
        var lease = blob.GetBlobLeaseClient();
        await blob.UploadAsync(BinaryData.FromString("v1"));
        await lease.AcquireAsync(TimeSpan.FromSeconds(15));

        await blob.UploadAsync(new DeterministicStream(30_000), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 0, MaximumTransferSize = 10_000 },
        });
        await lease.ReleaseAsync();

        Assert.Equal(3, Requests.Count("PUT", "block"));
        Assert.Equal(DeterministicStream.Bytes(30_000), (await blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Container_created_with_metadata_returns_it_in_its_properties()
    {
        var container = Service.GetBlobContainerClient(UniqueNames.Container("meta"));
        var metadata = new Dictionary<string, string>
        {
            ["purpose"] = "emigrant  documents (two spaces)",
            ["region"] = "IN-south",
            ["encoded_label"] = Uri.EscapeDataString("दस्तावेज़ (scan)"),
        };
        try
        {
            await container.CreateAsync(metadata: metadata);

            var properties = (await container.GetPropertiesAsync()).Value;

            Assert.Equal(metadata, properties.Metadata.OrderBy(m => m.Key).ToDictionary());
            Assert.Equal(PublicAccessType.None, properties.PublicAccess);
            Assert.Equal(LeaseState.Available, properties.LeaseState);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task Listing_with_a_non_ascii_prefix_signs_the_decoded_query()
    {
        await Container.GetBlobClient("मामले/1.pdf").UploadAsync(BinaryData.FromString("1"));
        await Container.GetBlobClient("मामले/2.pdf").UploadAsync(BinaryData.FromString("2"));
        await Container.GetBlobClient("other/3.pdf").UploadAsync(BinaryData.FromString("3"));

        var names = new List<string>();
        await foreach (var page in Container.GetBlobsAsync(prefix: "मामले/").AsPages(pageSizeHint: 1))
        {
            names.AddRange(page.Values.Select(b => b.Name));
        }

        Assert.Equal(["मामले/1.pdf", "मामले/2.pdf"], names);
    }

    [Fact]
    public void Host_style_uri_escapes_each_segment_once_and_keeps_the_slashes()
    {
        var service = new BlobServiceClient("DefaultEndpointsProtocol=https;AccountName=emigrate;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        var blob = service.GetBlobContainerClient("documents").GetBlobClient("dir/ज़ file (1).pdf");

        Assert.Equal(
            "https://emigrate.blob.core.windows.net/documents/dir/%E0%A4%9C%E0%A4%BC%20file%20%281%29.pdf",
            blob.Uri.AbsoluteUri);
        Assert.Equal("emigrate", blob.AccountName);
        Assert.Equal("documents", blob.BlobContainerName);
        Assert.Equal("dir/ज़ file (1).pdf", blob.Name);
    }

    [Fact]
    public void Host_style_request_signs_the_account_and_the_encoded_path_once()
    {
        var credential = new StorageSharedKeyCredential("emigrate", "a2V5");
        var blob = new BlobServiceClient(new Uri("https://emigrate.blob.core.windows.net"), credential)
            .GetBlobContainerClient("documents").GetBlobClient("dir/ज़ file (1).pdf");
        using var message = new StoragePipeline(StorageService.Blob, credential, null).CreateMessage(RequestMethod.Put, blob.Uri);
        message.Request.Uri.AppendQuery("comp", "block");
        message.Request.Uri.AppendQuery("blockid", "AAAA+/==");

        var stringToSign = new SharedKeyAuthenticationPolicy(credential, StorageService.Blob).BuildStringToSign(message.Request);

        Assert.EndsWith(
            "\n/emigrate/documents/dir/%E0%A4%9C%E0%A4%BC%20file%20%281%29.pdf\nblockid:AAAA+/==\ncomp:block",
            stringToSign,
            StringComparison.Ordinal);
    }
}
