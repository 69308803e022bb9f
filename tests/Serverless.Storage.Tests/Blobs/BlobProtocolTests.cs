using System.Text;
using Serverless.Storage.Blobs;

namespace Serverless.Storage.Tests.Blobs;

/// <summary>Wire-format details that Azurite does not exercise, checked against the shapes Azure documents.</summary>
public sealed class BlobProtocolTests
{
    // Shaped like Azure's List Blobs response: bare ETags, an Encoded name, an invalid-XML-character name escaped.
    private const string AzureListing = """
        <?xml version="1.0" encoding="utf-8"?>
        <EnumerationResults ServiceEndpoint="https://emigrate.blob.core.windows.net/" ContainerName="documents">
          <Prefix>case-1/</Prefix>
          <MaxResults>2</MaxResults>
          <Blobs>
            <Blob>
              <Name>case-1/ज़ file (1).pdf</Name>
              <Properties>
                <Creation-Time>Tue, 04 Mar 2025 10:00:00 GMT</Creation-Time>
                <Last-Modified>Wed, 05 Mar 2025 11:30:00 GMT</Last-Modified>
                <Etag>0x8DD5B2F6A1B2C3D</Etag>
                <Content-Length>1048576</Content-Length>
                <Content-Type>application/pdf</Content-Type>
                <Content-MD5>1B2M2Y8AsgTpgAmY7PhCfg==</Content-MD5>
                <BlobType>BlockBlob</BlobType>
                <LeaseStatus>locked</LeaseStatus>
                <LeaseState>leased</LeaseState>
                <LeaseDuration>infinite</LeaseDuration>
              </Properties>
              <Metadata><caseId>case-1</caseId></Metadata>
            </Blob>
            <Blob>
              <Name Encoded="true">case-1/bad%EF%BF%BEname.txt</Name>
              <Properties><Content-Length>0</Content-Length></Properties>
            </Blob>
          </Blobs>
          <NextMarker>2!80!MDAwMDE2IWNhc2UtMS96LnBkZg--</NextMarker>
        </EnumerationResults>
        """;

    [Fact]
    public void Azure_listing_is_read_with_quoted_etags_decoded_names_and_the_next_marker()
    {
        var (items, nextMarker) = ListBlobsResultReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(AzureListing.Trim())));

        Assert.Equal("2!80!MDAwMDE2IWNhc2UtMS96LnBkZg--", nextMarker);
        Assert.Equal(2, items.Count);
        var first = items[0];
        Assert.Equal("case-1/ज़ file (1).pdf", first.Name);
        Assert.Equal(new Azure.ETag("\"0x8DD5B2F6A1B2C3D\""), first.Properties.ETag);
        Assert.Equal(1048576, first.Properties.ContentLength);
        Assert.Equal(new DateTimeOffset(2025, 3, 5, 11, 30, 0, TimeSpan.Zero), first.Properties.LastModified);
        Assert.Equal(LeaseState.Leased, first.Properties.LeaseState);
        Assert.Equal(LeaseStatus.Locked, first.Properties.LeaseStatus);
        Assert.Equal(LeaseDurationType.Infinite, first.Properties.LeaseDuration);
        Assert.Equal(16, first.Properties.ContentHash!.Length);
        Assert.Equal("case-1", first.Metadata["CASEID"]);
        Assert.Equal("case-1/bad\uFFFEname.txt", items[1].Name);
        Assert.Null(items[1].Properties.ETag);
    }

    [Fact]
    public void Block_ids_have_the_azure_sdk_length_and_differ_by_upload_and_index()
    {
        var upload = Guid.NewGuid();

        var ids = new[] { PartitionedUpload.BlockId(upload, 0), PartitionedUpload.BlockId(upload, 49_999), PartitionedUpload.BlockId(Guid.NewGuid(), 0) };

        Assert.All(ids, id => Assert.Equal(64, id.Length));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("has-dash", "value")]
    [InlineData("1digit", "value")]
    [InlineData("name", "नाम")]
    [InlineData("name", "line\nbreak")]
    public async Task Metadata_azure_would_reject_fails_before_any_request(string name, string value)
    {
        var blob = new BlobClient("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1:9", "c", "b");

        await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(
            BinaryData.FromString("x"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { [name] = value } }));
    }

    [Fact]
    public async Task Bad_metadata_on_a_block_upload_fails_before_the_body_is_read()
    {
        var blob = new BlobClient("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1:9", "c", "b");
        using var unreadable = new DeterministicStream(1_000_000, failAt: 0);

        await Assert.ThrowsAsync<ArgumentException>(() => blob.UploadAsync(unreadable, new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["file-name"] = "x" },
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 0, MaximumTransferSize = 1024 },
        }));
    }

    [Theory]
    [InlineData(null, 0L, null)]
    [InlineData(-1L, null, null)]
    [InlineData(null, null, 0)]
    public async Task Transfer_options_out_of_range_are_rejected(long? initial, long? block, int? concurrency)
    {
        var blob = new BlobClient("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://127.0.0.1:9", "c", "b");
        var options = new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = initial, MaximumTransferSize = block, MaximumConcurrency = concurrency },
        };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => blob.UploadAsync(Stream.Null, options));
    }
}
