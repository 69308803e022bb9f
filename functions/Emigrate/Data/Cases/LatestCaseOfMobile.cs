using Azure;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;
using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>
/// The mobile index's latest-case row (partition: the mobile; row key <see cref="CaseKeys.LatestOfMobileRow"/>): which
/// case an SMS <c>STATUS</c> answers about, the facts of it that never change, and a copy of its stage, so the lookup is
/// one point read.
/// </summary>
/// <remarks>
/// A stage change copies its stage here <em>before</em> it writes the case row (<see cref="CopyStageAsync"/>), so the
/// copy is never behind what the portal shows: an SMS sent the moment <c>GET /api/cases/{id}</c> shows a stage answers
/// with that stage or, for the instant between the two writes, already with the next one the orchestration decided.
/// Copies carry the change's time and never go back to an older one, as the case row's stage does not. Rows written
/// before the copy existed have no stage: the lookup then reads it from the case row.
/// </remarks>
internal sealed class LatestCaseOfMobile(TableClient byMobile)
{
    private const string StageProperty = "Stage";
    private const string StageAtProperty = "StageAt";

    /// <summary>The mobile's latest case as its row holds it, or null when the mobile has none.</summary>
    /// <exception cref="InvalidDataException">The row names no valid case id.</exception>
    public async Task<LatestCase?> ReadAsync(MobileNumber mobile, CancellationToken cancellationToken)
    {
        NullableResponse<TableEntity> latest = await byMobile.GetEntityIfExistsAsync<TableEntity>(mobile.Value, CaseKeys.LatestOfMobileRow(mobile.Value), cancellationToken: cancellationToken);
        if (!latest.HasValue)
        {
            return null;
        }

        TableEntity row = latest.Value!;
        CaseId id = CaseId.TryParse(row.GetString("CaseId"), out CaseId? parsed) ? parsed : throw new InvalidDataException("Bad case id in the mobile index.");
        bool copied = WireNames.TryParse(row.GetString(StageProperty), out CaseStage stage);
        CaseSummary? facts = WireNames.TryParse(row.GetString("Language"), out Language language)
            && row.GetString("PoeOffice") is { } poe
            && row.GetString("CscId") is { } csc
                ? new CaseSummary(id, mobile, language, copied ? stage : CaseStage.Registered, poe, csc, row.GetDateTimeOffset("RegisteredAt") ?? default)
                : null;
        return new LatestCase(id, facts, copied);
    }

    /// <summary>
    /// Points the mobile's row at the case unless a later registration is there already. A repeat for the case it
    /// names changes nothing, so a stage copied meanwhile stays.
    /// </summary>
    public async Task PointAtAsync(CaseSummary latest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(latest);
        string mobile = latest.Mobile.Value;
        var row = new TableEntity(mobile, CaseKeys.LatestOfMobileRow(mobile))
        {
            ["CaseId"] = latest.CaseId.Value,
            ["RegisteredAt"] = latest.RegisteredAt,
            ["Language"] = WireNames.Of(latest.Language),
            ["PoeOffice"] = latest.PoeOffice,
            ["CscId"] = latest.CscId,
            [StageProperty] = latest.Stage.WireName(),
            [StageAtProperty] = latest.RegisteredAt,
        };
        while (true)
        {
            NullableResponse<TableEntity> current = await byMobile.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            try
            {
                if (!current.HasValue)
                {
                    await byMobile.AddEntityAsync(row, cancellationToken);
                }
                else if (current.Value!.GetString("CaseId") != latest.CaseId.Value && (current.Value.GetDateTimeOffset("RegisteredAt") ?? default) <= latest.RegisteredAt)
                {
                    await byMobile.UpdateEntityAsync(row, current.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another registration of the mobile got in between: read again.
            }
        }
    }

    /// <summary>
    /// Copies a stage change of the case onto the mobile's row if the row still names the case and holds no later
    /// change; ETag-guarded, so of concurrent changes the latest stays.
    /// </summary>
    public async Task CopyStageAsync(string mobile, string caseId, CaseStage stage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (!MobileNumber.TryParse(mobile, out _))
        {
            return;
        }

        while (true)
        {
            NullableResponse<TableEntity> current = await byMobile.GetEntityIfExistsAsync<TableEntity>(mobile, CaseKeys.LatestOfMobileRow(mobile), cancellationToken: cancellationToken);
            if (!current.HasValue
                || current.Value!.GetString("CaseId") != caseId
                || (current.Value.GetDateTimeOffset(StageAtProperty) is { } copied && copied > at)
                || (current.Value.GetString(StageProperty) == stage.WireName() && current.Value.GetDateTimeOffset(StageAtProperty) == at))
            {
                return;
            }

            try
            {
                var copy = new TableEntity(mobile, current.Value.RowKey) { [StageProperty] = stage.WireName(), [StageAtProperty] = at };
                await byMobile.UpdateEntityAsync(copy, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // A registration or another stage change got in between: read again.
            }
        }
    }
}

/// <summary>What the mobile's latest-case row says.</summary>
/// <param name="CaseId">The case it names.</param>
/// <param name="Facts">The case as the row holds it (its stage only if <paramref name="StageCopied"/>), or null when the row has only the case id.</param>
/// <param name="StageCopied">Whether the row holds a copy of the stage (rows written before the copy existed do not).</param>
internal sealed record LatestCase(CaseId CaseId, CaseSummary? Facts, bool StageCopied);
