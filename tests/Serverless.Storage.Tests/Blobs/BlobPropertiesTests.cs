using Azure;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobPropertiesTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "properties")
{
    [Fact]
    public async Task Properties_report_length_type_etag_dates_lease_and_metadata()
    {
        var blob = Container.GetBlobClient("doc.json");
        var info = (await blob.UploadAsync(BinaryData.FromString("{\"a\":1}"), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json", CacheControl = "no-cache", ContentLanguage = "hi" },
            Metadata = new Dictionary<string, string> { ["owner"] = "csc-042" },
        })).Value;

        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(7, properties.ContentLength);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("no-cache", properties.CacheControl);
        Assert.Equal("hi", properties.ContentLanguage);
        Assert.Equal(info.ETag, properties.ETag);
        Assert.Equal(info.LastModified, properties.LastModified);
        Assert.NotEqual(default, properties.CreatedOn);
        Assert.Equal(BlobType.Block, properties.BlobType);
        Assert.Equal(LeaseState.Available, properties.LeaseState);
        Assert.Equal(LeaseStatus.Unlocked, properties.LeaseStatus);
        Assert.Equal("csc-042", Assert.Single(properties.Metadata).Value);
    }

    [Fact]
    public async Task Exists_is_false_before_the_upload_and_true_after()
    {
        var blob = Container.GetBlobClient("exists.txt");

        Assert.False((await blob.ExistsAsync()).Value);
        await blob.UploadAsync(BinaryData.FromString("x"));
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Exists_is_false_when_the_container_is_missing()
    {
        var blob = Service.GetBlobContainerClient(UniqueNames.Container("missing")).GetBlobClient("x.txt");

        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Delete_removes_the_blob()
    {
        var blob = Container.GetBlobClient("deleted.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));

        await blob.DeleteAsync();

        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Delete_of_a_missing_blob_fails_with_404_BlobNotFound()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Container.GetBlobClient("never.txt").DeleteAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Delete_if_exists_reports_whether_there_was_a_blob()
    {
        var blob = Container.GetBlobClient("maybe.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));

        Assert.True((await blob.DeleteIfExistsAsync()).Value);
        Assert.False((await blob.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task Properties_of_a_missing_blob_fail_with_404_BlobNotFound()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Container.GetBlobClient("never.txt").GetPropertiesAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Download_of_a_missing_blob_fails_with_404_BlobNotFound()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Container.GetBlobClient("never.txt").DownloadStreamingAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Create_if_not_exists_returns_null_for_an_existing_container_and_create_fails_with_409()
    {
        Assert.Null(await Container.CreateIfNotExistsAsync());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Container.CreateAsync());

        Assert.Equal(409, error.Status);
        Assert.Equal("ContainerAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task Container_exists_until_deleted_and_delete_if_exists_reports_it()
    {
        var other = Service.GetBlobContainerClient(UniqueNames.Container("lifecycle"));
        Assert.False((await other.ExistsAsync()).Value);

        Assert.NotNull(await other.CreateIfNotExistsAsync());
        Assert.True((await other.ExistsAsync()).Value);

        Assert.True((await other.DeleteIfExistsAsync()).Value);
        Assert.False((await other.ExistsAsync()).Value);
        Assert.False((await other.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task Clients_built_from_a_connection_string_reach_the_same_blob()
    {
        await Container.GetBlobClient("shared.txt").UploadAsync(BinaryData.FromString("hello"));

        var direct = new BlobClient(ConnectionString, Container.Name, "shared.txt");
        var viaContainer = new BlobContainerClient(ConnectionString, Container.Name).GetBlobClient("shared.txt");

        Assert.Equal("hello", (await direct.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(direct.Uri, viaContainer.Uri);
        Assert.Equal("devstoreaccount1", direct.AccountName);
    }
}
