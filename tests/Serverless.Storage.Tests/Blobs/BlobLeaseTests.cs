using Azure;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobLeaseTests(AzuriteFixture fixture) : BlobContainerTestBase(fixture, "leases")
{
    private static readonly TimeSpan Fifteen = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Acquire_returns_the_proposed_lease_id_and_marks_the_blob_leased()
    {
        var blob = await UploadAsync("acquired.txt");
        var lease = blob.GetBlobLeaseClient("11111111-2222-3333-4444-555555555555");

        var acquired = (await lease.AcquireAsync(Fifteen)).Value;

        Assert.Equal("11111111-2222-3333-4444-555555555555", acquired.LeaseId);
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(LeaseState.Leased, properties.LeaseState);
        Assert.Equal(LeaseStatus.Locked, properties.LeaseStatus);
        Assert.Equal(LeaseDurationType.Fixed, properties.LeaseDuration);
    }

    [Fact]
    public async Task Second_acquire_by_another_id_fails_with_409_LeaseAlreadyPresent()
    {
        var blob = await UploadAsync("contended.txt");
        await blob.GetBlobLeaseClient().AcquireAsync(Fifteen);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().AcquireAsync(Fifteen));

        Assert.Equal(409, error.Status);
        Assert.Equal("LeaseAlreadyPresent", error.ErrorCode);
    }

    [Fact]
    public async Task Write_without_the_lease_id_on_a_leased_blob_fails_with_412()
    {
        var blob = await UploadAsync("locked.txt");
        await blob.GetBlobLeaseClient().AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(BinaryData.FromString("intruder"), overwrite: true));

        Assert.Equal(412, error.Status);
        Assert.Equal("LeaseIdMissing", error.ErrorCode);
        Assert.Equal("original", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Delete_without_the_lease_id_on_a_leased_blob_fails_with_412()
    {
        var blob = await UploadAsync("undeletable.txt");
        await blob.GetBlobLeaseClient().AcquireAsync(Fifteen);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync());

        Assert.Equal(412, error.Status);
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Theory]
    [InlineData(1024 * 1024)]
    [InlineData(0)]
    public async Task Write_with_the_lease_id_succeeds_as_one_put_blob_or_as_blocks(long initialTransferSize)
    {
        var blob = await UploadAsync($"holder-{initialTransferSize}.bin");
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(Fifteen);

        await blob.UploadAsync(new DeterministicStream(20_000), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { LeaseId = lease.LeaseId },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = initialTransferSize, MaximumTransferSize = 8192 },
        });

        Assert.Equal(DeterministicStream.Bytes(20_000), (await blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(LeaseState.Leased, (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    [Fact]
    public async Task Block_upload_with_a_wrong_lease_id_commits_nothing()
    {
        var blob = await UploadAsync("wrong-lease.bin");
        await blob.GetBlobLeaseClient().AcquireAsync(Fifteen);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new DeterministicStream(20_000), new BlobUploadOptions
        {
            Conditions = new BlobRequestConditions { LeaseId = Guid.NewGuid().ToString() },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 0, MaximumTransferSize = 8192 },
        }));

        Assert.Equal(412, error.Status);
        Assert.Equal("LeaseIdMismatchWithBlobOperation", error.ErrorCode);
        Assert.Equal(0, Requests.Count("PUT", "blocklist"));
        Assert.Equal("original", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task Release_lets_another_client_acquire_at_once()
    {
        var blob = await UploadAsync("handover.txt");
        var first = blob.GetBlobLeaseClient();
        await first.AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        await first.ReleaseAsync();
        var second = (await blob.GetBlobLeaseClient().AcquireAsync(Fifteen)).Value;

        Assert.NotEqual(first.LeaseId, second.LeaseId);
        Assert.Equal(LeaseState.Leased, (await blob.GetPropertiesAsync()).Value.LeaseState);
    }

    [Fact]
    public async Task Renew_keeps_the_lease_with_the_same_id_and_fails_for_another_id()
    {
        var blob = await UploadAsync("renewed.txt");
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(Fifteen);

        var renewed = (await lease.RenewAsync()).Value;
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetBlobLeaseClient().RenewAsync());

        Assert.Equal(lease.LeaseId, renewed.LeaseId);
        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task Break_ends_the_lease_without_its_id_so_another_client_can_acquire()
    {
        var blob = await UploadAsync("broken.txt");
        await blob.GetBlobLeaseClient().AcquireAsync(BlobLeaseClient.InfiniteLeaseDuration);

        var broken = (await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero)).Value;
        var properties = (await blob.GetPropertiesAsync()).Value;
        await blob.GetBlobLeaseClient().AcquireAsync(Fifteen);

        Assert.Equal(0, broken.LeaseTime);
        Assert.Equal(LeaseState.Broken, properties.LeaseState);
    }

    [Fact]
    public async Task Change_moves_the_lease_to_a_new_id_that_the_client_then_uses()
    {
        var blob = await UploadAsync("changed.txt");
        var lease = blob.GetBlobLeaseClient();
        await lease.AcquireAsync(Fifteen);
        var newId = Guid.NewGuid().ToString();

        await lease.ChangeAsync(newId);

        Assert.Equal(newId, lease.LeaseId);
        await blob.UploadAsync(BinaryData.FromString("with new id"), new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = newId } });
        await lease.ReleaseAsync();
    }

    [Fact]
    public async Task Container_lease_conflicts_and_guards_container_delete()
    {
        var container = Service.GetBlobContainerClient(UniqueNames.Container("leased"));
        await container.CreateAsync();
        var lease = container.GetBlobLeaseClient();
        await lease.AcquireAsync(Fifteen);

        var conflict = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobLeaseClient().AcquireAsync(Fifteen));
        var guarded = await Assert.ThrowsAsync<RequestFailedException>(() => container.DeleteAsync());
        var properties = (await container.GetPropertiesAsync()).Value;
        await container.DeleteAsync(new BlobRequestConditions { LeaseId = lease.LeaseId });

        Assert.Equal(409, conflict.Status);
        Assert.Equal("LeaseAlreadyPresent", conflict.ErrorCode);
        Assert.Equal(412, guarded.Status);
        Assert.Equal(LeaseState.Leased, properties.LeaseState);
        Assert.False((await container.ExistsAsync()).Value);
    }

    private async Task<BlobClient> UploadAsync(string name)
    {
        var blob = Container.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromString("original"));
        return blob;
    }
}
