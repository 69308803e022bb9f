using System.Text.Json;
using Emigrate.Data.Cases;
using Emigrate.Data.Documents;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Privacy;
using Emigrate.Domain.Registration;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary><c>GET /api/cases/{caseId}</c> and <c>GET /api/cases</c>: what the Cases row and its tables say.</summary>
public sealed class CaseQueries(CaseStore cases, DocumentStore documents, TimeProvider time)
{
    private const int PageSize = 50;

    /// <summary>One case, personal data masked per role.</summary>
    [Function("GetCase")]
    [Authorize(Roles = Roles.Csc + "," + Roles.Verifier + "," + Roles.Poe)]
    public async Task<IResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{caseId}")] HttpRequest request,
        string caseId,
        FunctionContext context)
    {
        // One point read: the timeline and a copy of the documents' states are in the case row. A row from before
        // the copy existed costs a point read per document type.
        CaseRecord? record = await Portal.FindForCallerAsync(cases, caseId, context, Roles.Csc, Roles.Verifier, Roles.Poe);
        if (record is null)
        {
            return Portal.NotFound();
        }

        IReadOnlyDictionary<DocumentType, DocumentState> docs = CaseDocumentsView.Parse(record.DocumentsJson)
            ?? await documents.StatesAsync(record.CaseId, context.CancellationToken);
        Applicant applicant = JsonSerializer.Deserialize<Applicant>(record.ApplicantJson, EmigrateJson.Options)!;
        bool owner = context.GetCaller()!.Role == Roles.Csc;
        IReadOnlyList<TimelineEntry> timeline = record.Timeline;
        string Fact(string key) => record.Facts.TryGetValue(key, out var v) ? v : "";
        return Results.Ok(new
        {
            caseId = record.CaseId,
            stage = record.Stage.WireName(),
            nextStep = StageTexts.For(record.Stage, Language.English).NextStep,
            poeOffice = record.PoeOffice,
            cscId = record.CscId,
            registeredAt = record.RegisteredAt,
            deadlines = new { documentsDue = record.DocumentsDue, clearanceDue = record.ClearanceDue },
            applicant = new
            {
                name = applicant.Name,
                mobile = owner ? applicant.Mobile.Value : LogMask.Mobile(applicant.Mobile.Value),
                passportNumber = applicant.Passport.Number.Value,
                aadhaar = applicant.Aadhaar?.Display,
                destinationCountry = applicant.DestinationCountry.Value,
                intendedDeparture = applicant.Job.IntendedDeparture,
            },
            documents = docs.Values.Select(d => new
            {
                type = WireNames.Of(d.Type),
                version = d.Version,
                size = d.Size,
                sha256 = d.Sha256,
                reviewState = WireNames.Of(d.State),
                reason = d.Reason,
                expiryDate = d.ExpiryDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            }),
            preChecks = PreChecksView.Of(applicant, docs.GetValueOrDefault(DocumentType.Visa), Domain.Time.IndiaTime.Today(time)),
            medical = new
            {
                centreId = Fact("MedicalCentreId"),
                date = Fact("MedicalDate"),
                result = Fact("MedicalResult"),
                certificateRef = Fact("MedicalCertificateRef"),
                expiresAt = Fact("MedicalExpiresAt"),
            },
            insurance = new { insurerId = Fact("InsurerId"), years = Fact("InsuranceYears"), policyNumber = Fact("PolicyNumber") },
            clearance = new { arn = Fact("Arn"), submittedAt = Fact("SubmittedAt"), ecNumber = Fact("EcNumber") },
            note = Fact("Note"),
            timeline = timeline.Select(t => new { stage = t.Stage.WireName(), at = t.At, note = t.Note }),
        });
    }

    /// <summary>A page of the caller's cases: the CSC's own, or its PoE office's jurisdiction.</summary>
    [Function("ListCases")]
    [Authorize(Roles = Roles.Csc + "," + Roles.Verifier + "," + Roles.Poe)]
    public async Task<IResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases")] HttpRequest request,
        FunctionContext context)
    {
        FunctionCaller caller = context.GetCaller()!;
        CaseStage? stage = null;
        string? stageText = request.Query["stage"];
        if (!string.IsNullOrEmpty(stageText))
        {
            if (CaseStages.All.FirstOrDefault(s => s.WireName() == stageText) is var found && found.WireName() != stageText)
            {
                return Portal.Invalid("stage", "Unknown stage. Use a camelCase stage name such as awaitingDocuments.");
            }

            stage = found;
        }

        string? token = request.Query["continuationToken"];
        token = string.IsNullOrEmpty(token) ? null : token;
        CasePage page;
        try
        {
            page = caller.Role == Roles.Csc
                ? await cases.ListByCscAsync(caller.OrganisationId, stage, token, PageSize, context.CancellationToken)
                : await cases.ListByPoeAsync(caller.OrganisationId, stage, token, PageSize, context.CancellationToken);
        }
        catch (FormatException)
        {
            return Portal.Invalid("continuationToken", "Not a continuation token of this list: pass the one the previous page returned.");
        }

        return Results.Ok(new
        {
            items = page.Items.Select(i => new { caseId = i.CaseId, stage = i.Stage.WireName(), name = i.Name, registeredAt = i.RegisteredAt }),
            continuationToken = page.ContinuationToken,
        });
    }
}
