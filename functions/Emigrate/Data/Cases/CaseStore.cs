using System.Net;
using System.Security.Cryptography;
using Azure;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;
using Emigrate.Orchestrations;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>A new case to store.</summary>
/// <param name="CscId">The registering CSC (from its key).</param>
/// <param name="PoeOffice">The PoE office of the applicant's jurisdiction.</param>
/// <param name="PassportNumber">The passport number (dedupe key).</param>
/// <param name="Mobile">The mobile.</param>
/// <param name="Language">The preferred language.</param>
/// <param name="Name">The applicant's name.</param>
/// <param name="ApplicantJson">The validated applicant as JSON.</param>
/// <param name="RegisteredAt">When.</param>
/// <param name="DocumentsDue">Documents deadline.</param>
/// <param name="ClearanceDue">Clearance deadline.</param>
public sealed record NewCase(
    string CscId,
    string PoeOffice,
    string PassportNumber,
    string Mobile,
    Language Language,
    string Name,
    string ApplicantJson,
    DateTimeOffset RegisteredAt,
    DateTimeOffset DocumentsDue,
    DateTimeOffset ClearanceDue);

/// <summary>
/// The Cases table and its indexes. Every read is a point read (or a few): a case by id, a page of cases by CSC, PoE
/// office or insurer (the list's head and page rows, <see cref="CaseLists"/>; a stage filter reads the owner's list of
/// that stage), the open case of a passport, the latest case of a mobile. Keys: <see cref="CaseKeys"/>.
/// </summary>
public sealed class CaseStore(CaseTables tables) : ICaseDirectory
{
    private readonly CaseLists lists = new(tables.Lists);
    private readonly LatestCaseOfMobile latestOfMobile = new(tables.ByMobile);

    /// <summary>
    /// Stores a new case with stage registered, unless the passport already has an open case. A drawn case id
    /// that exists already is drawn again.
    /// </summary>
    public async Task<RegistrationOutcome> RegisterAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(newCase);
        string caseId = await this.InsertCaseRowAsync(newCase, cancellationToken);
        string? existing = await this.ClaimPassportAsync(newCase.PassportNumber, caseId, cancellationToken);
        if (existing is not null)
        {
            await tables.Cases.DeleteEntityAsync(caseId, CaseKeys.CaseRow(caseId), ETag.All, cancellationToken);
            return new RegistrationOutcome(existing, Created: false);
        }

        var listed = new CaseListEntry(caseId, CaseStage.Registered, newCase.Name, newCase.RegisteredAt);
        await Task.WhenAll(new[] { CaseKeys.CscOwner(newCase.CscId), CaseKeys.PoeOwner(newCase.PoeOffice) }
            .SelectMany(owner => new[] { CaseKeys.OwnerStage(owner, CaseStage.Registered), owner })
            .Select(list => this.lists.PutAsync(list, listed, cancellationToken)));

        var mobileRow = new TableEntity(newCase.Mobile, CaseKeys.MobileRow(newCase.RegisteredAt, caseId)) { ["CaseId"] = caseId };
        await tables.ByMobile.UpsertEntityAsync(mobileRow, TableUpdateMode.Replace, cancellationToken);
        var summary = new CaseSummary(
            CaseId.TryParse(caseId, out CaseId? id) ? id : throw new InvalidOperationException("A drawn case id does not parse."),
            MobileNumber.TryParse(newCase.Mobile, out MobileNumber? mobile) ? mobile : throw new ArgumentException("Not a mobile number.", nameof(newCase)),
            newCase.Language,
            CaseStage.Registered,
            newCase.PoeOffice,
            newCase.CscId,
            newCase.RegisteredAt);
        await this.PointMobileAtAsync(summary, cancellationToken);
        return new RegistrationOutcome(caseId, Created: true);
    }

    /// <summary>The case, or null.</summary>
    public async Task<CaseRecord?> FindAsync(string caseId, CancellationToken cancellationToken)
    {
        if (!CaseId.TryParse(caseId, out _))
        {
            return null;
        }

        NullableResponse<TableEntity> row = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(caseId, CaseKeys.CaseRow(caseId), cancellationToken: cancellationToken);
        return row.HasValue ? ToRecord(row.Value!) : null;
    }

    /// <summary>
    /// Records a stage change: the Cases row (stage, event target, facts), the timeline, the owner indexes; a case
    /// that ended frees its passport for a new registration. Idempotent: repeating it writes the same rows, and a late
    /// re-run of an older change leaves the row and every index at the newer stage.
    /// </summary>
    public async Task RecordStageAsync(StageChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var row = new TableEntity(change.CaseId, CaseKeys.CaseRow(change.CaseId))
        {
            ["Stage"] = change.Stage.WireName(),
            ["EventTarget"] = change.EventTarget,
            ["UpdatedAt"] = change.At,
            ["Note"] = change.Note ?? "",
        };
        foreach ((string key, string value) in change.Facts ?? new Dictionary<string, string>())
        {
            row["F_" + key] = value;
        }

        await this.WriteStageRowAsync(row, new TimelineEntry(change.Stage, change.At, change.Note), cancellationToken);

        CaseRecord? record = await this.IndexStageAsync(change, cancellationToken);
        if (record is null)
        {
            return;
        }

        if (change.Stage.IsTerminal())
        {
            await this.ReleasePassportAsync(record.PassportNumber, change.CaseId, cancellationToken);
        }
    }

    /// <summary>
    /// Moves the case on its owners' lists to the stage the case row holds now (not this change's: a late re-run of an
    /// older change must not roll the lists back). Should a newer change land meanwhile, the case is taken off the
    /// stage lists of the stage read here, as the newer change's own move may have finished before this one put it on.
    /// </summary>
    private async Task<CaseRecord?> IndexStageAsync(StageChange change, CancellationToken cancellationToken)
    {
        CaseRecord? record = await this.FindAsync(change.CaseId, cancellationToken);
        while (record is not null)
        {
            // Owners' lists are separate partitions: their moves do not wait for one another.
            await Task.WhenAll(Owners(record).Select(owner => this.MoveOnListsAsync(owner, record, change.Stage, cancellationToken)));

            CaseRecord? now = await this.FindAsync(change.CaseId, cancellationToken);
            if (now is null || now.Stage == record.Stage)
            {
                return record;
            }

            await Task.WhenAll(Owners(record).Select(owner => this.lists.RemoveAsync(CaseKeys.OwnerStage(owner, record.Stage), record.CaseId, cancellationToken)));
            record = now;
        }

        return null;
    }

    /// <summary>
    /// Puts the case on the owner's list of the current stage and takes it off the lists of the stage its all-stages
    /// entry showed and of this change's stage, then updates its all-stages entry, only if that entry still shows the
    /// stage the removal went by. In that order a re-run after a failure anywhere finds the old stage still shown and
    /// takes the case off its list.
    /// </summary>
    /// <remarks>
    /// The all-stages entry is first taken as this process last saw it (no read when it wrote it itself): the
    /// conditional update checks that guess, and when it was wrong (another change moved the case meanwhile) the move
    /// runs again on the entry read now. Putting on one list and taking off others are independent, so they go at once.
    /// </remarks>
    private async Task MoveOnListsAsync(string owner, CaseRecord record, CaseStage changed, CancellationToken cancellationToken)
    {
        bool fresh = false;
        while (true)
        {
            CaseListEntry? listed = fresh
                ? await this.lists.EntryAsync(owner, record.CaseId, cancellationToken)
                : await this.lists.KnownEntryAsync(owner, record.CaseId, cancellationToken);
            var entry = new CaseListEntry(record.CaseId, record.Stage, listed?.Name ?? ToSummaryName(record), record.RegisteredAt);
            await Task.WhenAll(new[] { listed?.Stage, changed }.OfType<CaseStage>().Distinct().Where(s => s != record.Stage)
                .Select(stale => this.lists.RemoveAsync(CaseKeys.OwnerStage(owner, stale), record.CaseId, cancellationToken))
                .Append(this.lists.PutAsync(CaseKeys.OwnerStage(owner, record.Stage), entry, cancellationToken)));
            if (await this.lists.PutIfShowingAsync(owner, entry, listed?.Stage, cancellationToken))
            {
                return;
            }

            fresh = true;
        }
    }

    /// <summary>The lists a case is in: its CSC's, its PoE office's and, once insurance was requested, the insurer's.</summary>
    private static IEnumerable<string> Owners(CaseRecord record)
    {
        yield return CaseKeys.CscOwner(record.CscId);
        yield return CaseKeys.PoeOwner(record.PoeOffice);
        if (NullIfEmpty(record.Facts.GetValueOrDefault("InsurerId")) is { } insurer)
        {
            yield return CaseKeys.InsurerOwner(insurer);
        }
    }

    /// <summary>
    /// Merges a stage change into the case row unless a later change is already there, and adds it to the row's
    /// timeline either way. An activity whose lock expired can re-run after the orchestration has moved on; without the
    /// guard its old stage would overwrite the new one. ETag-guarded, so concurrent changes each land their entry.
    /// </summary>
    private async Task WriteStageRowAsync(TableEntity row, TimelineEntry entry, CancellationToken cancellationToken)
    {
        while (true)
        {
            NullableResponse<TableEntity> current = await tables.Cases.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            string? timeline = CaseTimeline.With(current.HasValue ? current.Value!.GetString(CaseTimeline.Property) : null, entry);
            bool newer = current.HasValue && current.Value!.GetDateTimeOffset("UpdatedAt") is { } landed && landed > entry.At;
            if (!newer && current.HasValue && current.Value!.GetString("Mobile") is { } mobile)
            {
                // Before the case row, so the SMS lookup's copy is never behind what the portal shows.
                await this.latestOfMobile.CopyStageAsync(mobile, row.PartitionKey, entry.Stage, entry.At, cancellationToken);
            }

            TableEntity update = newer ? new TableEntity(row.PartitionKey, row.RowKey) : new TableEntity(row);
            if (timeline is not null)
            {
                update[CaseTimeline.Property] = timeline;
            }
            else if (newer)
            {
                return;
            }

            try
            {
                if (current.HasValue)
                {
                    await tables.Cases.UpdateEntityAsync(update, current.Value!.ETag, TableUpdateMode.Merge, cancellationToken);
                }
                else
                {
                    await tables.Cases.AddEntityAsync(update, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict)
            {
                // Another writer got in between: read again and decide against what it wrote.
            }
        }
    }

    /// <summary>The case's stage changes, oldest first (the case row's timeline: one point read).</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(string caseId, CancellationToken cancellationToken) =>
        (await this.FindAsync(caseId, cancellationToken))?.Timeline ?? [];

    /// <summary>A page of a CSC's cases, optionally of one stage.</summary>
    public Task<CasePage> ListByCscAsync(string cscId, CaseStage? stage, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        this.ListAsync(CaseKeys.CscOwner(cscId), stage, continuationToken, pageSize, cancellationToken);

    /// <summary>A page of the cases of a PoE office's jurisdiction, optionally of one stage.</summary>
    public Task<CasePage> ListByPoeAsync(string poeOffice, CaseStage? stage, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        this.ListAsync(CaseKeys.PoeOwner(poeOffice), stage, continuationToken, pageSize, cancellationToken);

    /// <summary>A page of the cases whose insurance was requested from the insurer, optionally of one stage.</summary>
    public Task<CasePage> ListByInsurerAsync(string insurerId, CaseStage? stage, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        this.ListAsync(CaseKeys.InsurerOwner(insurerId), stage, continuationToken, pageSize, cancellationToken);

    /// <inheritdoc/>
    public async Task<CaseSummary?> GetAsync(CaseId caseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        CaseRecord? record = await this.FindAsync(caseId.Value, cancellationToken);
        return record is null ? null : ToSummary(record);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One point read: the mobile's latest-case row, which holds the case's facts that never change and a copy of its
    /// stage that is never behind the case row (<see cref="LatestCaseOfMobile"/>). A row without the copy (written
    /// before it existed) is completed from the case row.
    /// </remarks>
    public async Task<CaseSummary?> FindLatestByMobileAsync(MobileNumber mobile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mobile);
        LatestCase? latest = await this.latestOfMobile.ReadAsync(mobile, cancellationToken);
        switch (latest)
        {
            case null:
                return null;
            case { Facts: { } facts, StageCopied: true }:
                return facts;
            case { Facts: { } facts }:
                CaseRecord? record = await this.FindAsync(latest.CaseId.Value, cancellationToken);
                return record is null ? null : facts with { Stage = record.Stage };
            default:
                return await this.GetAsync(latest.CaseId, cancellationToken);
        }
    }

    /// <summary>
    /// Points the mobile's latest-case row at the case unless a later registration is there already: the SMS lookup
    /// then reads one row instead of querying the mobile's partition (which Azurite answers by scanning the table).
    /// </summary>
    public Task PointMobileAtAsync(CaseSummary latest, CancellationToken cancellationToken) =>
        this.latestOfMobile.PointAtAsync(latest, cancellationToken);

    private static string ToSummaryName(CaseRecord record) =>
        System.Text.Json.JsonSerializer.Deserialize<Domain.Registration.Applicant>(record.ApplicantJson, EmigrateJson.Options)!.Name;

    private static CaseSummary ToSummary(CaseRecord record)
    {
        var applicant = System.Text.Json.JsonSerializer.Deserialize<Domain.Registration.Applicant>(record.ApplicantJson, EmigrateJson.Options)!;
        CaseId.TryParse(record.CaseId, out CaseId? id);
        return new CaseSummary(id!, applicant.Mobile, applicant.PreferredLanguage, record.Stage, record.PoeOffice, record.CscId, record.RegisteredAt);
    }

    /// <exception cref="FormatException">The continuation token is not one the list gave out.</exception>
    private Task<CasePage> ListAsync(string owner, CaseStage? stage, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        this.lists.ReadAsync(stage is { } s ? CaseKeys.OwnerStage(owner, s) : owner, continuationToken, pageSize, cancellationToken);

    private async Task<string> InsertCaseRowAsync(NewCase newCase, CancellationToken cancellationToken)
    {
        while (true)
        {
            string caseId = CaseId.New(RandomNumberGenerator.Create()).Value;
            var row = new TableEntity(caseId, CaseKeys.CaseRow(caseId))
            {
                ["Stage"] = CaseStage.Registered.WireName(),
                ["EventTarget"] = caseId,
                ["CscId"] = newCase.CscId,
                ["PoeOffice"] = newCase.PoeOffice,
                ["PassportNumber"] = newCase.PassportNumber,
                ["Mobile"] = newCase.Mobile,
                ["Applicant"] = newCase.ApplicantJson,
                ["RegisteredAt"] = newCase.RegisteredAt,
                ["DocumentsDue"] = newCase.DocumentsDue,
                ["ClearanceDue"] = newCase.ClearanceDue,
                ["UpdatedAt"] = newCase.RegisteredAt,
                ["Note"] = "",
                [Documents.CaseDocumentsView.Property] = Documents.CaseDocumentsView.Empty,
            };
            try
            {
                await tables.Cases.AddEntityAsync(row, cancellationToken);
                return caseId;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // A collision of 48 random bits: draw again.
            }
        }
    }

    /// <summary>Null when the passport is now this case's; otherwise the open case that holds it.</summary>
    private async Task<string?> ClaimPassportAsync(string passport, string caseId, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await tables.ByPassport.AddEntityAsync(new TableEntity(passport, CaseKeys.PassportRow(passport)) { ["CaseId"] = caseId }, cancellationToken);
                return null;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                NullableResponse<TableEntity> held = await tables.ByPassport.GetEntityIfExistsAsync<TableEntity>(passport, CaseKeys.PassportRow(passport), cancellationToken: cancellationToken);
                if (!held.HasValue)
                {
                    continue;
                }

                string holder = held.Value!.GetString("CaseId") ?? "";
                CaseRecord? open = await this.FindAsync(holder, cancellationToken);
                if (open is not null && !open.Stage.IsTerminal())
                {
                    return holder;
                }

                try
                {
                    await tables.ByPassport.UpdateEntityAsync(new TableEntity(passport, CaseKeys.PassportRow(passport)) { ["CaseId"] = caseId }, held.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    return null;
                }
                catch (RequestFailedException conflict) when (conflict.Status == 412)
                {
                    // Another registration took it first: look again.
                }
            }
        }
    }

    private async Task ReleasePassportAsync(string passport, string caseId, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> held = await tables.ByPassport.GetEntityIfExistsAsync<TableEntity>(passport, CaseKeys.PassportRow(passport), cancellationToken: cancellationToken);
        if (held.HasValue && held.Value!.GetString("CaseId") == caseId)
        {
            try
            {
                await tables.ByPassport.DeleteEntityAsync(passport, CaseKeys.PassportRow(passport), held.Value.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Already released, or already claimed by a new case.
            }
        }
    }

    private static CaseRecord ToRecord(TableEntity e)
    {
        var facts = e.Keys.Where(k => k.StartsWith("F_", StringComparison.Ordinal))
            .ToDictionary(k => k[2..], k => e.GetString(k) ?? "");
        if (NullIfEmpty(e.GetString("Note")) is { } note)
        {
            facts["Note"] = note;
        }

        return new CaseRecord(
            e.PartitionKey,
            ParseStage(e.GetString("Stage")!),
            e.GetString("EventTarget") ?? e.PartitionKey,
            e.GetString("CscId") ?? "",
            e.GetString("PoeOffice") ?? "",
            e.GetString("PassportNumber") ?? "",
            e.GetString("Mobile") ?? "",
            e.GetString("Applicant") ?? "{}",
            e.GetDateTimeOffset("RegisteredAt") ?? default,
            e.GetDateTimeOffset("DocumentsDue") ?? default,
            e.GetDateTimeOffset("ClearanceDue") ?? default,
            e.GetDateTimeOffset("UpdatedAt") ?? default,
            facts)
        {
            Timeline = CaseTimeline.Parse(e.GetString(CaseTimeline.Property)),
            DocumentsJson = e.GetString(Documents.CaseDocumentsView.Property),
            ETag = e.ETag,
        };
    }

    private static CaseStage ParseStage(string wire) => CaseStages.All.First(s => s.WireName() == wire);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
