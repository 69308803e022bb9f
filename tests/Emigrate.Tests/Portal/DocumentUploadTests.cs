using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Emigrate.Data.Documents;
using Emigrate.Domain.Documents;
using Serverless.Storage.Blobs;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>Streamed uploads over HTTP: what a good one stores, and that refused or dropped ones leave nothing.</summary>
public sealed class DocumentUploadTests(AzuriteFixture azurite) : PortalTest(azurite)
{
    private const int FiveMb = 5 * 1024 * 1024;

    private DocumentStore Documents => (DocumentStore)this.Host.App.Services.GetService(typeof(DocumentStore))!;

    [Fact]
    public async Task A_5_MB_upload_without_content_length_is_stored_with_its_sha256_in_the_row_and_the_blob()
    {
        string caseId = await this.Host.RegisterAsync("C3131313");
        byte[] expected = new byte[FiveMb];
        ChunkedContent.PdfHead.CopyTo(expected, 0);
        string sha = Convert.ToHexStringLower(SHA256.HashData(expected));

        using var upload = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "passport"), PortalHost.CscKey, new ChunkedContent(ChunkedContent.PdfHead, FiveMb, "application/pdf"));

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var body = (await upload.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(sha, body["sha256"]!.GetValue<string>());
        Assert.Equal(FiveMb, body["size"]!.GetValue<long>());
        int version = body["version"]!.GetValue<int>();
        var properties = await this.Documents.Container.GetBlobClient(DocumentStore.BlobName(caseId, DocumentType.Passport, version)).GetPropertiesAsync();
        Assert.Equal(sha, properties.Value.Metadata["sha256"]);
        Assert.Equal("application/pdf", properties.Value.ContentType);

        using var download = await this.Host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents/passport", PortalHost.CscKey);
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(await download.Content.ReadAsByteArrayAsync())));
    }

    [Fact]
    public async Task An_upload_without_content_length_that_passes_5_MB_answers_413_and_leaves_no_version_no_row_and_no_blob()
    {
        string caseId = await this.Host.RegisterAsync("C3232323");

        using var upload = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "visa"), PortalHost.CscKey, new ChunkedContent(ChunkedContent.PdfHead, FiveMb + 1, "application/pdf"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        Assert.Equal("application/problem+json", upload.Content.Headers.ContentType!.MediaType);
        await this.AssertNothingStoredAsync(caseId, DocumentType.Visa);
    }

    [Fact]
    public async Task A_declared_content_length_over_5_MB_answers_413_before_the_body_is_read()
    {
        string caseId = await this.Host.RegisterAsync("C3333334");

        using var upload = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "photograph"), PortalHost.CscKey, PortalHost.Pdf(FiveMb + 1));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        await this.AssertNothingStoredAsync(caseId, DocumentType.Photograph);
    }

    [Fact]
    public async Task A_streamed_body_whose_magic_bytes_are_not_the_declared_type_answers_415_and_leaves_nothing()
    {
        string caseId = await this.Host.RegisterAsync("C3434343");

        using var upload = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "photograph"), PortalHost.CscKey, new ChunkedContent("GIF89a.."u8.ToArray(), 300_000, "image/png"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload.StatusCode);
        await this.AssertNothingStoredAsync(caseId, DocumentType.Photograph);
    }

    [Fact]
    public async Task An_upload_dropped_part_way_leaves_no_version_and_the_next_upload_is_the_first_version_anyone_sees()
    {
        string caseId = await this.Host.RegisterAsync("C3535353");

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => this.Host.SendAsync(
            HttpMethod.Put, PortalHost.DocumentPath(caseId, "employmentContract"), PortalHost.CscKey, new ChunkedContent(ChunkedContent.PdfHead, 4_500_000, "application/pdf", failAfter: 1_000_000)));

        // The server notices the dropped body on its own time; the version must never become visible meanwhile.
        for (int i = 0; i < 20; i++)
        {
            await this.AssertNoVisibleVersionAsync(caseId, DocumentType.EmploymentContract);
            await Task.Delay(100);
        }

        using var upload = await this.Host.SendAsync(HttpMethod.Put, PortalHost.DocumentPath(caseId, "employmentContract"), PortalHost.CscKey, PortalHost.Pdf(1000));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var found = await this.Host.GetCaseAsync(caseId);
        var document = Assert.Single(found["documents"]!.AsArray());
        Assert.Equal(1000, document!["size"]!.GetValue<long>());
    }

    private async Task AssertNothingStoredAsync(string caseId, DocumentType type)
    {
        await this.AssertNoVisibleVersionAsync(caseId, type);
        var row = await this.Documents.Table.GetEntityIfExistsAsync<Serverless.Storage.Tables.TableEntity>(caseId, DocumentStore.DocumentRow(caseId, type));
        Assert.False(row.HasValue, "A refused upload left a document row.");
        var blobs = new List<string>();
        await foreach (BlobItem blob in this.Documents.Container.GetBlobsAsync(prefix: caseId + "/"))
        {
            blobs.Add(blob.Name);
        }

        Assert.Empty(blobs);
    }

    private async Task AssertNoVisibleVersionAsync(string caseId, DocumentType type)
    {
        var found = await this.Host.GetCaseAsync(caseId);
        Assert.Empty(found["documents"]!.AsArray());
        using var download = await this.Host.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}/documents/{Emigrate.Domain.WireNames.Of(type)}", PortalHost.CscKey);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }
}
