using System.Globalization;
using System.Security.Cryptography;
using Azure;
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
public sealed record DocumentState(DocumentType Type, int Version, long Size, string Sha256, string ContentType, DocumentReviewState State, string? Reason);

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
/// in metadata), versions and review state in the Documents table (PK case id, RK document type; RK <c>_rounds</c>
/// counts send-back rounds).
/// </summary>
/// <remarks>
/// A version becomes visible only when its row is written, after its blob is committed: a failed upload leaves at
/// most an orphan blob that no row names, never a half-visible version. Versions are claimed with create-only blob
/// writes and ETag-guarded rows, so concurrent uploads of one type get distinct versions.
/// </remarks>
public sealed class DocumentStore(BlobServiceClient blobs, TableServiceClient tablesService, string prefix = "")
{
    private const string RoundsRow = "_rounds";

    /// <summary>The blob container.</summary>
    public BlobContainerClient Container { get; } = blobs.GetBlobContainerClient(prefix.ToLowerInvariant() + "documents");

    /// <summary>The Documents table.</summary>
    public TableClient Table { get; } = tablesService.GetTableClient(prefix + "Documents");

    /// <summary>Creates the container and table when missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await this.Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await this.Table.CreateIfNotExistsAsync(cancellationToken);
    }

    /// <summary>The blob name of a version.</summary>
    public static string BlobName(string caseId, DocumentType type, int version) =>
        $"{caseId}/{WireNames.Of(type)}/v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Stores a new version pending review; null when the document is already approved.</summary>
    public async Task<DocumentState?> UploadAsync(string caseId, DocumentType type, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        string sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        while (true)
        {
            NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, WireNames.Of(type), cancellationToken: cancellationToken);
            DocumentState? latest = current.HasValue ? ToState(current.Value!) : null;
            if (latest?.State == DocumentReviewState.Approved)
            {
                return null;
            }

            int version = (latest?.Version ?? 0) + 1;
            try
            {
                var options = new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                    Metadata = new Dictionary<string, string> { ["sha256"] = sha },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                };
                await this.Container.GetBlobClient(BlobName(caseId, type, version)).UploadAsync(new BinaryData(content), options, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // An abandoned upload left this version's blob, or a concurrent upload claimed it: go past it.
                await this.SkipVersionAsync(caseId, type, current, version, cancellationToken);
                continue;
            }

            var state = new DocumentState(type, version, content.Length, sha, contentType, DocumentReviewState.PendingReview, null);
            try
            {
                await this.WriteAsync(caseId, state, current, cancellationToken);
                return state;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another upload won the row: try again with the next version.
            }
        }
    }

    /// <summary>Every uploaded document's latest state.</summary>
    public async Task<IReadOnlyDictionary<DocumentType, DocumentState>> StatesAsync(string caseId, CancellationToken cancellationToken)
    {
        var states = new Dictionary<DocumentType, DocumentState>();
        await foreach (TableEntity e in this.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {caseId}"), cancellationToken: cancellationToken))
        {
            if (e.RowKey != RoundsRow && e.GetInt32("Version") is > 0)
            {
                DocumentState state = ToState(e);
                states[state.Type] = state;
            }
        }

        return states;
    }

    /// <summary>Send-back rounds so far.</summary>
    public async Task<int> RoundsAsync(string caseId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> rounds = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, RoundsRow, cancellationToken: cancellationToken);
        return rounds.HasValue ? rounds.Value!.GetInt32("Rounds") ?? 0 : 0;
    }

    /// <summary>Approves or sends back the latest version, when it awaits review.</summary>
    public async Task<ReviewOutcome> ReviewAsync(string caseId, DocumentType type, bool approve, string? reason, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, WireNames.Of(type), cancellationToken: cancellationToken);
        if (!current.HasValue || ToState(current.Value!) is not { State: DocumentReviewState.PendingReview } latest)
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

                await this.Table.UpsertEntityAsync(new TableEntity(caseId, RoundsRow) { ["Rounds"] = rounds + 1 }, TableUpdateMode.Replace, cancellationToken);
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
    }

    /// <summary>Opens the bytes of the latest version, or null when there is none.</summary>
    public async Task<(Stream Content, string ContentType, DocumentState State)?> OpenLatestAsync(string caseId, DocumentType type, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> current = await this.Table.GetEntityIfExistsAsync<TableEntity>(caseId, WireNames.Of(type), cancellationToken: cancellationToken);
        if (!current.HasValue)
        {
            return null;
        }

        DocumentState state = ToState(current.Value!);
        Response<BlobDownloadStreamingResult> download = await this.Container.GetBlobClient(BlobName(caseId, type, state.Version)).DownloadStreamingAsync(cancellationToken: cancellationToken);
        return (download.Value.Content, state.ContentType, state);
    }

    private async Task SkipVersionAsync(string caseId, DocumentType type, NullableResponse<TableEntity> current, int version, CancellationToken cancellationToken)
    {
        // Keep the row's review state but move its version counter, so the next attempt claims version + 1.
        var row = new TableEntity(caseId, WireNames.Of(type)) { ["Skipped"] = version };
        if (current.HasValue)
        {
            try
            {
                await this.Table.UpdateEntityAsync(new TableEntity(caseId, WireNames.Of(type)) { ["Version"] = version }, current.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Someone moved it already.
            }
        }
        else
        {
            row["Version"] = version;
            row["State"] = "";
            try
            {
                await this.Table.AddEntityAsync(row, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // Someone created it already.
            }
        }
    }

    private async Task WriteAsync(string caseId, DocumentState state, NullableResponse<TableEntity>? current, CancellationToken cancellationToken)
    {
        var row = new TableEntity(caseId, WireNames.Of(state.Type))
        {
            ["Version"] = state.Version,
            ["Size"] = state.Size,
            ["Sha256"] = state.Sha256,
            ["ContentType"] = state.ContentType,
            ["State"] = WireNames.Of(state.State),
            ["Reason"] = state.Reason ?? "",
        };
        if (current is { HasValue: true } existing)
        {
            await this.Table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        else if (current is null)
        {
            await this.Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
        else
        {
            await this.Table.AddEntityAsync(row, cancellationToken);
        }
    }

    private static DocumentState ToState(TableEntity e)
    {
        DocumentType type = Enum.GetValues<DocumentType>().First(t => WireNames.Of(t) == e.RowKey);
        string stateName = e.GetString("State") ?? "";
        DocumentReviewState state = Enum.GetValues<DocumentReviewState>().FirstOrDefault(s => WireNames.Of(s) == stateName, DocumentReviewState.PendingReview);
        return new DocumentState(
            type,
            e.GetInt32("Version") ?? 0,
            e.GetInt64("Size") ?? 0,
            e.GetString("Sha256") ?? "",
            e.GetString("ContentType") ?? "",
            state,
            string.IsNullOrEmpty(e.GetString("Reason")) ? null : e.GetString("Reason"));
    }
}
