using System.IO.Pipelines;
using System.Security.Cryptography;
using Emigrate.Data.Documents;
using Emigrate.Domain;
using Emigrate.Domain.Documents;
using Emigrate.Tests.Portal;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tables;
using Serverless.Testing;
using Xunit.Abstractions;

namespace Emigrate.Tests.Data;

[Collection(PortalCollection.Name)]
public sealed class DocumentStoreTests(AzuriteFixture azurite, ITestOutputHelper output) : IAsyncLifetime
{
    private const string CaseId = "EM0000000042";

    private readonly DocumentStore store = new(new BlobServiceClient(azurite.ConnectionString), new TableServiceClient(azurite.ConnectionString), UniqueNames.Table("d"));

    public async Task InitializeAsync()
    {
        await this.store.EnsureCreatedAsync(CancellationToken.None);
        await this.store.Cases.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync()
    {
        await this.store.Cases.DeleteAsync();
        await this.store.Table.DeleteAsync();
        await this.store.Container.DeleteAsync();
    }

    private static MemoryStream Pdf(int size, byte fill = 0)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, fill);
        "%PDF-1.7\n"u8.CopyTo(bytes);
        return new MemoryStream(bytes);
    }

    [Fact]
    public async Task A_blob_committed_before_a_crash_stays_invisible_and_the_next_upload_takes_the_next_version()
    {
        DocumentState first = (await this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Pdf, Pdf(100, 1), null, CancellationToken.None))!;

        // What a process that died between the blob commit and the row write leaves: version 2 reserved and committed, the row still at 1.
        await this.store.Table.UpdateEntityAsync(new TableEntity(CaseId, DocumentStore.DocumentRow(CaseId, DocumentType.Visa)) { ["Reserved"] = 2 }, Azure.ETag.All, TableUpdateMode.Merge);
        await this.store.Container.GetBlobClient(DocumentStore.BlobName(CaseId, DocumentType.Visa, 2)).UploadAsync(BinaryData.FromBytes(Pdf(200, 2).ToArray()));

        var states = await this.store.StatesAsync(CaseId, CancellationToken.None);
        Assert.Equal(1, states[DocumentType.Visa].Version);
        var latest = (await this.store.OpenLatestAsync(CaseId, DocumentType.Visa, CancellationToken.None))!.Value;
        using (var reader = new MemoryStream())
        {
            await latest.Content.CopyToAsync(reader);
            Assert.Equal(first.Sha256, Convert.ToHexStringLower(SHA256.HashData(reader.ToArray())));
        }

        DocumentState next = (await this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Pdf, Pdf(300, 3), null, CancellationToken.None))!;
        Assert.Equal(3, next.Version);
        Assert.Equal(3, (await this.store.StatesAsync(CaseId, CancellationToken.None))[DocumentType.Visa].Version);
    }

    [Fact]
    public async Task Concurrent_uploads_of_one_document_get_distinct_versions_and_the_row_ends_at_the_highest()
    {
        var stored = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            this.store.UploadAsync(CaseId, DocumentType.Passport, DocumentFormat.Pdf, Pdf(1000 + i, (byte)i), null, CancellationToken.None)));

        var versions = stored.Select(s => s!.Version).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Equal(versions.Max(), (await this.store.StatesAsync(CaseId, CancellationToken.None))[DocumentType.Passport].Version);
    }

    [Fact]
    public async Task A_review_that_lands_while_the_next_version_streams_is_seen_when_that_version_is_published()
    {
        await this.AddCaseRowAsync(CaseId);
        await this.store.UploadAsync(CaseId, DocumentType.Passport, DocumentFormat.Pdf, Pdf(100, 1), null, CancellationToken.None);

        // Version 2 is reserved, its bytes not yet sent, when the verifier approves version 1.
        var body = new Pipe();
        Task<DocumentState?> upload = this.store.UploadAsync(CaseId, DocumentType.Passport, DocumentFormat.Pdf, body.Reader.AsStream(), null, CancellationToken.None);
        await this.WaitForReservationAsync(DocumentType.Passport, 2);
        Assert.Equal(ReviewOutcome.Recorded, await this.store.ReviewAsync(CaseId, DocumentType.Passport, approve: true, null, CancellationToken.None));
        await body.Writer.WriteAsync(Pdf(200, 2).ToArray());
        await body.Writer.CompleteAsync();

        Assert.Null(await upload.WaitAsync(TimeSpan.FromSeconds(60)));
        DocumentState latest = (await this.store.StatesAsync(CaseId, CancellationToken.None))[DocumentType.Passport];
        Assert.Equal((1, DocumentReviewState.Approved), (latest.Version, latest.State));
        Assert.Equal(latest, (await this.CopyOnCaseRowAsync(CaseId))[DocumentType.Passport]);
    }

    private async Task WaitForReservationAsync(DocumentType type, int version)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while ((await this.store.Table.GetEntityAsync<TableEntity>(CaseId, DocumentStore.DocumentRow(CaseId, type), cancellationToken: giveUp.Token)).Value.GetInt32("Reserved") != version)
        {
            await Task.Delay(20, giveUp.Token);
        }
    }

    /// <summary>A case row as registration writes it, with an empty copy of its documents.</summary>
    private Task AddCaseRowAsync(string caseId) =>
        this.store.Cases.AddEntityAsync(new TableEntity(caseId, Emigrate.Data.Cases.CaseKeys.CaseRow(caseId)) { [CaseDocumentsView.Property] = CaseDocumentsView.Empty });

    private async Task<IReadOnlyDictionary<DocumentType, DocumentState>> CopyOnCaseRowAsync(string caseId) =>
        CaseDocumentsView.Parse((await this.store.Cases.GetEntityAsync<TableEntity>(caseId, Emigrate.Data.Cases.CaseKeys.CaseRow(caseId))).Value.GetString(CaseDocumentsView.Property))!;

    [Fact]
    public async Task Uploads_and_reviews_are_on_the_case_rows_copy_when_they_return()
    {
        await this.AddCaseRowAsync(CaseId);
        var expiry = new DateOnly(2031, 1, 31);
        DocumentState visa = (await this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Pdf, Pdf(100, 1), expiry, CancellationToken.None))!;
        Assert.Equal(visa, (await this.CopyOnCaseRowAsync(CaseId))[DocumentType.Visa]);

        await this.store.UploadAsync(CaseId, DocumentType.Passport, DocumentFormat.Pdf, Pdf(200, 2), null, CancellationToken.None);
        Assert.Equal(ReviewOutcome.Recorded, await this.store.ReviewAsync(CaseId, DocumentType.Visa, approve: false, "Blurred", CancellationToken.None));

        var copy = await this.CopyOnCaseRowAsync(CaseId);
        Assert.Equal(await this.store.StatesAsync(CaseId, CancellationToken.None), copy);
        Assert.Equal((DocumentReviewState.SentBack, "Blurred", expiry), (copy[DocumentType.Visa].State, copy[DocumentType.Visa].Reason, copy[DocumentType.Visa].ExpiryDate));
        Assert.Equal(DocumentReviewState.PendingReview, copy[DocumentType.Passport].State);
    }

    [Fact]
    public async Task Concurrent_uploads_and_reviews_of_a_cases_documents_leave_the_copy_equal_to_the_rows()
    {
        await this.AddCaseRowAsync(CaseId);
        DocumentType[] types = [DocumentType.Passport, DocumentType.Visa, DocumentType.EmploymentContract, DocumentType.DemandLetter];
        await Task.WhenAll(types.Select(async (type, i) =>
        {
            await this.store.UploadAsync(CaseId, type, DocumentFormat.Pdf, Pdf(300 + i, (byte)i), null, CancellationToken.None);
            await this.store.ReviewAsync(CaseId, type, approve: i % 2 == 0, "Redo", CancellationToken.None);
        }));

        var rows = await this.store.StatesAsync(CaseId, CancellationToken.None);
        Assert.Equal(types.Length, rows.Count);
        Assert.Equal(rows, await this.CopyOnCaseRowAsync(CaseId));
    }

    [Fact]
    public async Task A_copy_left_behind_by_a_failed_caller_is_mended_by_the_next_documents_check()
    {
        await this.AddCaseRowAsync(CaseId);
        await this.store.UploadAsync(CaseId, DocumentType.Passport, DocumentFormat.Pdf, Pdf(100, 1), null, CancellationToken.None);

        // What a reviewer whose request died between the two writes leaves: the row approved, the copy pending.
        await this.store.Table.UpdateEntityAsync(new TableEntity(CaseId, DocumentStore.DocumentRow(CaseId, DocumentType.Passport)) { ["State"] = "approved" }, Azure.ETag.All, TableUpdateMode.Merge);
        Assert.Equal(DocumentReviewState.PendingReview, (await this.CopyOnCaseRowAsync(CaseId))[DocumentType.Passport].State);

        var states = await this.store.StatesCopiedToCaseRowAsync(CaseId, null, CancellationToken.None);

        Assert.Equal(DocumentReviewState.Approved, states[DocumentType.Passport].State);
        Assert.Equal(states, await this.CopyOnCaseRowAsync(CaseId));
    }

    [Fact]
    public async Task A_documents_check_given_a_case_row_that_has_moved_since_reads_it_again()
    {
        await this.AddCaseRowAsync(CaseId);
        await this.store.UploadAsync(CaseId, DocumentType.Passport, DocumentFormat.Pdf, Pdf(100, 1), null, CancellationToken.None);
        TableEntity read = (await this.store.Cases.GetEntityAsync<TableEntity>(CaseId, Emigrate.Data.Cases.CaseKeys.CaseRow(CaseId))).Value;
        var asRead = new Emigrate.Data.Cases.CaseRecord(CaseId, Emigrate.Domain.Cases.CaseStage.AwaitingDocuments, CaseId, "csc", "poe", "K1234567", "9876543210", "{}", default, default, default, default, new Dictionary<string, string>())
        {
            DocumentsJson = read.GetString(CaseDocumentsView.Property),
            ETag = read.ETag,
        };

        // After the caller's read: another upload moves the row, and a reviewer's request dies between its two writes.
        await this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Pdf, Pdf(200, 2), null, CancellationToken.None);
        await this.store.Table.UpdateEntityAsync(new TableEntity(CaseId, DocumentStore.DocumentRow(CaseId, DocumentType.Passport)) { ["State"] = "approved" }, Azure.ETag.All, TableUpdateMode.Merge);

        var states = await this.store.StatesCopiedToCaseRowAsync(CaseId, asRead, CancellationToken.None);

        Assert.Equal(DocumentReviewState.Approved, states[DocumentType.Passport].State);
        Assert.Equal(DocumentReviewState.PendingReview, states[DocumentType.Visa].State);
        Assert.Equal(await this.store.StatesAsync(CaseId, CancellationToken.None), await this.CopyOnCaseRowAsync(CaseId));
    }

    [Fact]
    public async Task A_refused_first_upload_removes_its_reservation_row()
    {
        await Assert.ThrowsAsync<UploadRejectedException>(() =>
            this.store.UploadAsync(CaseId, DocumentType.Photograph, DocumentFormat.Png, Pdf(5000), null, CancellationToken.None));

        var row = await this.store.Table.GetEntityIfExistsAsync<TableEntity>(CaseId, DocumentStore.DocumentRow(CaseId, DocumentType.Photograph));
        Assert.False(row.HasValue);
    }

    [Fact]
    public async Task A_refused_later_upload_gives_its_version_number_back()
    {
        await this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Pdf, Pdf(100, 1), null, CancellationToken.None);
        await Assert.ThrowsAsync<UploadRejectedException>(() =>
            this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Png, Pdf(5000), null, CancellationToken.None));

        DocumentState next = (await this.store.UploadAsync(CaseId, DocumentType.Visa, DocumentFormat.Pdf, Pdf(300, 3), null, CancellationToken.None))!;

        Assert.Equal(2, next.Version);
        Assert.Equal(2, (await this.store.StatesAsync(CaseId, CancellationToken.None))[DocumentType.Visa].Version);
    }

    [Fact]
    public async Task Measures_what_a_5_MB_streamed_upload_allocates()
    {
        // Printed, not asserted: the count is process-wide and other test collections run alongside (no timing or
        // noise-sensitive assertions on the shared machine). The first upload warms the buffer pool.
        await this.store.UploadAsync(CaseId, DocumentType.Aadhaar, DocumentFormat.Pdf, new NonAllocatingBody(5 * 1024 * 1024), null, CancellationToken.None);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        await this.store.UploadAsync(CaseId, DocumentType.DemandLetter, DocumentFormat.Pdf, new NonAllocatingBody(5 * 1024 * 1024), null, CancellationToken.None);
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        output.WriteLine($"5 MB streamed upload: {allocated / 1024} KiB allocated process-wide");
        Assert.Equal(5 * 1024 * 1024, (await this.store.StatesAsync(CaseId, CancellationToken.None))[DocumentType.DemandLetter].Size);
    }

    /// <summary>A PDF-looking body generated on the fly, so the measurement sees only the upload's own allocations.</summary>
    private sealed class NonAllocatingBody(long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => this.position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => this.Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            int size = (int)Math.Min(buffer.Length, length - this.position);
            buffer[..size].Clear();
            if (this.position == 0 && size >= 9)
            {
                "%PDF-1.7\n"u8.CopyTo(buffer);
            }

            this.position += size;
            return size;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => new(this.Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
