using System.Globalization;
using Azure;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Documents;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Documents;

/// <summary>The latest version of one document of a case and its review.</summary>
/// <param name="Type">The document type.</param>
/// <param name="Version">The latest version (1 first).</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Sha256">Its SHA-256, lower-case hex.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="State">The review state of that version.</param>
/// <param name="Reason">The send-back reason, when sent back.</param>
/// <param name="ExpiryDate">The expiry date given with the upload (visa), when any.</param>
public sealed record DocumentState(
    DocumentType Type, int Version, long Size, string Sha256, string ContentType, DocumentReviewState State, string? Reason, DateOnly? ExpiryDate = null);

/// <summary>How a review went.</summary>
public enum ReviewOutcome
{
    /// <summary>Recorded.</summary>
    Recorded,

    /// <summary>No version of that document awaits review.</summary>
    NothingToReview,

    /// <summary>The send-back rounds are used up: a supervisor must decide.</summary>
    NeedsSupervisor,
}

/// <summary>
/// Documents of cases: bytes in one blob container (<c>{caseId}/{documentType}/v{n}</c>, content type and SHA-256
/// in metadata), versions and review state in the Documents table (PK case id, RK document type + "|" + case id; RK <c>_rounds|</c> + case id
/// counts send-back rounds).
/// </summary>
/// <remarks>
/// A version becomes visible only when its row is written, after its blob is committed: a failed upload leaves at
/// most an orphan blob that no row names, never a half-visible version. Version numbers are reserved on the row
/// (ETag-guarded) before the blob is written create-only, so concurrent uploads of one type get distinct versions.
/// </remarks>
public sealed class DocumentStore(BlobServiceClient blobs, TableServiceClient tablesService, string prefix = "")
{
    private const int BlockSize = 1024 * 1024;

    /// <summary>The blob container.</summary>
    public BlobContainerClient Container { get; } = blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + "documents");

    /// <summary>The Documents table.</summary>
    public TableClient Table { get; } = tablesService.GetTableClient(prefix + "Documents");

    /// <summary>The Cases table, whose rows carry a copy of their documents' states.</summary>
    internal TableClient Cases { get; } = tablesService.GetTableClient(prefix + "Cases");

    /// <summary>Creates the container and table when missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await this.Table.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>The blob name of a version.</summary>
    public static string BlobName(string caseId, DocumentType type, int version) =>
        $"{caseId}/{WireNames.Of(type)}/v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Streams a new version into its blob and makes it the latest, pending review; null when the document is
    /// already approved. Bytes that fail the checks throw <see cref="UploadRejectedException"/> and leave nothing.
    /// </summary>
    /// <remarks>
    /// The version number is reserved first (an ETag-guarded counter on the document's row), so the blob is written
    /// once under its final name; the row's version moves to it only after the blob is committed. Readers go by the
    /// row: a crash after the commit leaves a blob that no row names, and the next upload takes the next number.
    /// </remarks>
    public async Task<DocumentState?> UploadAsync(
        string caseId, DocumentType type, DocumentFormat format, Stream content, DateOnly? expiryDate, CancellationToken cancellationToken)
    {
        Reservation? reserved = await this.ReserveVersionAsync(caseId, type, cancellationToken);
        if (reserved is not { Version: int version })
        {
            return null;
        }

        string contentType = DocumentContent.ContentType(format);

        // The blob client reads the metadata when it commits, after the body ended and the hash is known.
        var metadata = new Dictionary<string, string> { ["sha256"] = new string('0', 64) };
        await using var checkedContent = new CheckedUploadStream(content, format, sha => metadata["sha256"] = sha);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata,
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },

            // 1 MiB blocks: an upload holds at most 2 MiB however large, and most scans still go in one Put Blob.
            TransferOptions = new StorageTransferOptions { InitialTransferSize = BlockSize, MaximumTransferSize = BlockSize, MaximumConcurrency = 1 },
        };
        try
        {
            await this.Container.GetBlobClient(BlobName(caseId, type, version)).UploadAsync(checkedContent, options, cancellationToken);
        }
        catch
        {
            // Refused, aborted or failed: nothing was committed, so the number is given back.
            await this.ReleaseReservationAsync(caseId, type, version);
            throw;
        }

        string sha = checkedContent.Sha256 ?? throw new InvalidOperationException("The upload committed before its body ended.");
        var state = new DocumentState(type, version, checkedContent.BytesRead, sha, contentType, DocumentReviewState.PendingReview, null, expiryDate);
        return await this.PublishAsync(caseId, state, reserved.RowETag, cancellationToken) ? state : null;
    }

    /// <summary>The next version number, reserved on the row, with the ETag the reservation left on it; null when the document is approved.</summary>
    private async Task<Reservation?> ReserveVersionAsync(string caseId, DocumentType type, CancellationToken cancellationToken)
    {
        while (true)
        {
            NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentRow(caseId, type), cancellationToken: cancellationToken);
            if (current.HasValue && current.Value!.GetInt32("Version") is > 0 && ToState(current.Value).State == DocumentReviewState.Approved)
            {
                return null;
            }

            int version = Math.Max(current.HasValue ? current.Value!.GetInt32("Version") ?? 0 : 0, current.HasValue ? current.Value!.GetInt32("Reserved") ?? 0 : 0) + 1;
            Response written;
            try
            {
                written = current.HasValue
                    ? await this.Table.UpdateEntityAsync(new TableEntity(caseId, DocumentRow(caseId, type)) { ["Reserved"] = version }, current.Value!.ETag, TableUpdateMode.Merge, cancellationToken)
                    : await this.Table.AddEntityAsync(new TableEntity(caseId, DocumentRow(caseId, type)) { ["Version"] = 0, ["Reserved"] = version, ["State"] = "" }, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                continue;
            }

            // A blob left by an upload from before reservations existed would refuse the create-only write.
            if (!(await this.Container.GetBlobClient(BlobName(caseId, type, version)).ExistsAsync(cancellationToken)).Value)
            {
                return new Reservation(version, written.Headers.ETag);
            }
        }
    }

    /// <summary>
    /// Takes back a reservation whose upload committed nothing, unless another upload reserved after it: a first
    /// upload's row goes, a later one's counter steps back, so a refused upload leaves no gap in the version numbers.
    /// </summary>
    private async Task ReleaseReservationAsync(string caseId, DocumentType type, int version)
    {
        // Not the request's token: it is typically the reason we are here (the caller went away).
        NullableResponse<TableEntity> row = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentRow(caseId, type), cancellationToken: CancellationToken.None);
        if (!row.HasValue || row.Value!.GetInt32("Reserved") != version)
        {
            return;
        }

        try
        {
            if (row.Value.GetInt32("Version") is not > 0)
            {
                await this.Table.DeleteEntityAsync(caseId, DocumentRow(caseId, type), row.Value.ETag, CancellationToken.None);
            }
            else
            {
                await this.Table.UpdateEntityAsync(new TableEntity(caseId, DocumentRow(caseId, type)) { ["Reserved"] = version - 1 }, row.Value.ETag, TableUpdateMode.Merge, CancellationToken.None);
            }
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Another upload reserved meanwhile: the row is theirs now, and its number follows ours.
        }
    }

    /// <summary>Makes the committed version the row's latest, unless a later one got there first; false when approved meanwhile.</summary>
    /// <remarks>
    /// The first try writes on the ETag the reservation left: if it still holds, the row is as the reservation saw it
    /// (not approved, an older version than this one), so it need not be read. A row that moved since (a review,
    /// another upload) refuses the write, and is then read and judged as before.
    /// </remarks>
    private async Task<bool> PublishAsync(string caseId, DocumentState state, ETag? reservedRow, CancellationToken cancellationToken)
    {
        bool written = reservedRow is { } unchanged && await this.TryWriteAsync(caseId, state, unchanged, cancellationToken);
        while (!written)
        {
            NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentRow(caseId, state.Type), cancellationToken: cancellationToken);
            int latest = current.HasValue ? current.Value!.GetInt32("Version") ?? 0 : 0;
            if (latest > 0 && ToState(current.Value!).State == DocumentReviewState.Approved)
            {
                return false;
            }

            if (latest >= state.Version)
            {
                // A concurrent upload that reserved later committed first: its version is the latest.
                return true;
            }

            try
            {
                await this.WriteAsync(caseId, state, current, cancellationToken);
                written = true;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // The row moved (a review, another upload): look again.
            }
        }

        await this.CopyToCaseRowAsync(caseId, [state.Type], null, cancellationToken);
        return true;
    }

    /// <summary>Every uploaded document's latest state.</summary>
    /// <remarks>
    /// One point read per document type, all at once, rather than a query of the case's partition: Azurite answers every
    /// query by scanning the whole table, so a query's cost grew with the number of cases; a point read's does not.
    /// </remarks>
    public async Task<IReadOnlyDictionary<DocumentType, DocumentState>> StatesAsync(string caseId, CancellationToken cancellationToken) =>
        await this.ReadStatesAsync(caseId, Enum.GetValues<DocumentType>(), cancellationToken);

    /// <summary>The latest states of the uploaded documents among <paramref name="types"/>: a point read each, all at once.</summary>
    private async Task<Dictionary<DocumentType, DocumentState>> ReadStatesAsync(string caseId, IEnumerable<DocumentType> types, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity>[] rows = await Task.WhenAll(types.Select(type =>
            this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentRow(caseId, type), cancellationToken: cancellationToken)));
        return rows
            .Where(row => row.HasValue && row.Value!.GetInt32("Version") is > 0)
            .Select(row => ToState(row.Value!))
            .ToDictionary(state => state.Type);
    }

    /// <summary>Send-back rounds so far.</summary>
    public async Task<int> RoundsAsync(string caseId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> rounds = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, RoundsRow(caseId), cancellationToken: cancellationToken);
        return rounds.HasValue ? rounds.Value!.GetInt32("Rounds") ?? 0 : 0;
    }

    /// <summary>Approves or sends back the latest version, when it awaits review.</summary>
    public async Task<ReviewOutcome> ReviewAsync(string caseId, DocumentType type, bool approve, string? reason, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentRow(caseId, type), cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetInt32("Version") is not > 0 || ToState(current.Value) is not { State: DocumentReviewState.PendingReview } latest)
        {
            return ReviewOutcome.NothingToReview;
        }

        if (!approve)
        {
            IReadOnlyDictionary<DocumentType, DocumentState> all = await this.StatesAsync(caseId, cancellationToken);
            bool roundOpen = all.Values.Any(s => s.State == DocumentReviewState.SentBack);
            int rounds = await this.RoundsAsync(caseId, cancellationToken);
            if (!roundOpen)
            {
                if (!SendBackPolicy.MaySendBack(rounds))
                {
                    return ReviewOutcome.NeedsSupervisor;
                }

                await this.Table.UpsertEntityAsync(new TableEntity(caseId, RoundsRow(caseId)) { ["Rounds"] = rounds + 1 }, TableUpdateMode.Replace, cancellationToken);
            }
        }

        var reviewed = latest with { State = approve ? DocumentReviewState.Approved : DocumentReviewState.SentBack, Reason = approve ? null : reason };
        try
        {
            await this.WriteAsync(caseId, reviewed, current, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return ReviewOutcome.NothingToReview;
        }

        await this.CopyToCaseRowAsync(caseId, [type], null, cancellationToken);
        return ReviewOutcome.Recorded;
    }

    /// <summary>After a PoE send-back: every approved document goes back to sent back with the PoE's reason.</summary>
    public async Task ReopenAsync(string caseId, string reason, CancellationToken cancellationToken)
    {
        foreach (DocumentState state in (await this.StatesAsync(caseId, cancellationToken)).Values)
        {
            if (state.State == DocumentReviewState.Approved)
            {
                await this.WriteAsync(caseId, state with { State = DocumentReviewState.SentBack, Reason = reason }, null, cancellationToken);
            }
        }

        await this.CopyToCaseRowAsync(caseId, Enum.GetValues<DocumentType>(), null, cancellationToken);
    }

    /// <summary>
    /// Every uploaded document's latest state, read from the Documents table, and the case row's copy brought up to
    /// date with it. The documents check of the case orchestration reads through this, so a copy left behind by a
    /// caller that failed between its two writes is mended by the next check.
    /// </summary>
    /// <param name="caseId">The case.</param>
    /// <param name="caseRow">The case row as the caller just read it, which stands for the copy's first read of it (the
    /// document rows are read after it, as the copy needs); null to read it here.</param>
    /// <param name="cancellationToken">Cancels the reads and the write.</param>
    public async Task<IReadOnlyDictionary<DocumentType, DocumentState>> StatesCopiedToCaseRowAsync(string caseId, CaseRecord? caseRow, CancellationToken cancellationToken) =>
        await this.CopyToCaseRowAsync(caseId, Enum.GetValues<DocumentType>(), caseRow is null ? null : new CaseRowCopy(caseRow.DocumentsJson, caseRow.ETag), cancellationToken);

    /// <summary>
    /// Copies the rows of <paramref name="types"/> into the case row's copy, conditional on the case row's ETag; returns
    /// the copy as written (or, without a case row, the states read). The case row is read before the document rows:
    /// a copy that lands then holds every document write that finished before it was read, and a concurrent copy that
    /// read older rows finds the ETag moved and reads again, so the copy never goes back.
    /// </summary>
    private async Task<IReadOnlyDictionary<DocumentType, DocumentState>> CopyToCaseRowAsync(
        string caseId, IReadOnlyCollection<DocumentType> types, CaseRowCopy? firstRead, CancellationToken cancellationToken)
    {
        CaseRowCopy? known = firstRead;
        while (true)
        {
            CaseRowCopy? caseRow = known ?? await this.ReadCaseRowCopyAsync(caseId, cancellationToken);
            known = null;
            Dictionary<DocumentType, DocumentState> read = await this.ReadStatesAsync(caseId, types, cancellationToken);
            var copy = new Dictionary<DocumentType, DocumentState>(
                (caseRow is null ? null : CaseDocumentsView.Parse(caseRow.DocumentsJson)) ?? new Dictionary<DocumentType, DocumentState>());
            foreach (DocumentType type in types)
            {
                if (read.TryGetValue(type, out DocumentState? state))
                {
                    copy[type] = state;
                }
                else
                {
                    copy.Remove(type);
                }
            }

            if (caseRow is null)
            {
                return copy;
            }

            string text = CaseDocumentsView.Serialize(copy.Values);
            if (text == caseRow.DocumentsJson)
            {
                return copy;
            }

            try
            {
                await this.Cases.UpdateEntityAsync(new TableEntity(caseId, CaseKeys.CaseRow(caseId)) { [CaseDocumentsView.Property] = text }, caseRow.ETag, TableUpdateMode.Merge, cancellationToken);
                return copy;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A stage change or another document's copy moved the row: read both again.
            }
        }
    }

    /// <summary>The case row's copy and ETag, or null when the case has no row.</summary>
    private async Task<CaseRowCopy?> ReadCaseRowCopyAsync(string caseId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> row = await this.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseKeys.CaseRow(caseId), cancellationToken: cancellationToken);
        return row.HasValue ? new CaseRowCopy(row.Value!.GetString(CaseDocumentsView.Property), row.Value.ETag) : null;
    }

    /// <summary>What the copy needs of the case row: its copy of the documents' states and its ETag.</summary>
    private sealed record CaseRowCopy(string? DocumentsJson, ETag ETag);

    /// <summary>Opens the bytes of the latest version, or null when there is none.</summary>
    public async Task<(Stream Content, string ContentType, DocumentState State)?> OpenLatestAsync(string caseId, DocumentType type, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, DocumentRow(caseId, type), cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetInt32("Version") is not > 0)
        {
            return null;
        }

        DocumentState state = ToState(current.Value!);
        Response<BlobDownloadStreamingResult> download = await this.Container.GetBlobClient(BlobName(caseId, type, state.Version)).DownloadStreamingAsync(cancellationToken: cancellationToken);
        return (download.Value.Content, state.ContentType, state);
    }

    private async Task WriteAsync(string caseId, DocumentState state, NullableResponse<TableEntity>? current, CancellationToken cancellationToken)
    {
        TableEntity row = RowOf(caseId, state);
        if (current is { HasValue: true } existing)
        {
            // Merge: the row's reservation counter is not part of the state and must survive.
            await this.Table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
        }
        else if (current is null)
        {
            await this.Table.UpsertEntityAsync(row, TableUpdateMode.Merge, cancellationToken);
        }
        else
        {
            await this.Table.AddEntityAsync(row, cancellationToken);
        }
    }

    /// <summary>Writes the state on the row if it still has <paramref name="etag"/>; false when it has moved or gone.</summary>
    private async Task<bool> TryWriteAsync(string caseId, DocumentState state, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await this.Table.UpdateEntityAsync(RowOf(caseId, state), etag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>The document row's state columns (not its reservation counter).</summary>
    private static TableEntity RowOf(string caseId, DocumentState state) =>
        new(caseId, DocumentRow(caseId, state.Type))
        {
            ["Version"] = state.Version,
            ["Size"] = state.Size,
            ["Sha256"] = state.Sha256,
            ["ContentType"] = state.ContentType,
            ["State"] = WireNames.Of(state.State),
            ["Reason"] = state.Reason ?? "",
            ["ExpiryDate"] = state.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        };

    /// <summary>A reserved version number and the ETag the reservation left on the document's row (null when the response carried none).</summary>
    private sealed record Reservation(int Version, ETag? RowETag);

    /// <summary>A document's row key: the type and the case id. Azurite finds a point read's row key first and then checks each
    /// hit's partition, so a row key shared by every case (the bare type) made every read a scan of all cases' rows.
    /// </summary>
    public static string DocumentRow(string caseId, DocumentType type) => WireNames.Of(type) + "|" + caseId;

    /// <summary>The row key of the case's send-back round counter, unique for the same reason.</summary>
    private static string RoundsRow(string caseId) => "_rounds|" + caseId;

    private static DocumentState ToState(TableEntity e)
    {
        DocumentType type = WireNames.TryParse(e.RowKey[..e.RowKey.IndexOf('|', StringComparison.Ordinal)], out DocumentType parsed)
            ? parsed
            : throw new InvalidOperationException($"Document row {e.RowKey} names no document type.");
        DocumentReviewState state = WireNames.TryParse(e.GetString("State"), out DocumentReviewState reviewed) ? reviewed : DocumentReviewState.PendingReview;
        return new DocumentState(
            type,
            e.GetInt32("Version") ?? 0,
            e.GetInt64("Size") ?? 0,
            e.GetString("Sha256") ?? "",
            e.GetString("ContentType") ?? "",
            state,
            string.IsNullOrEmpty(e.GetString("Reason")) ? null : e.GetString("Reason"),
            DateOnly.TryParseExact(e.GetString("ExpiryDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly expiry) ? expiry : null);
    }
}
