using System.Text.Json;
using Emigrate.Data.Cases;
using Emigrate.Data.Documents;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;
using Emigrate.Orchestrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary>The body of a document review.</summary>
public sealed class ReviewBody
{
    /// <summary><c>approve</c> or <c>sendBack</c>.</summary>
    public string? Decision { get; init; }

    /// <summary>Required for a send-back.</summary>
    public string? Reason { get; init; }
}

/// <summary>Upload, download and review of a case's documents.</summary>
/// <remarks>
/// Uploads stream: the body goes through <see cref="CheckedUploadStream"/> (size, magic bytes, SHA-256) into a
/// create-only block blob, so a 5 MB document never sits in memory and a refused one leaves nothing visible.
/// </remarks>
public sealed class DocumentFunctions(CaseStore cases, DocumentStore documents, TimeProvider time)
{
    /// <summary><c>PUT /api/cases/{caseId}/documents/{type}</c>: a new version, pending review.</summary>
    [Function("UploadDocument")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Upload(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "cases/{caseId}/documents/{type}")] HttpRequest request,
        string caseId,
        string type,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        CaseRecord? record = await Portal.FindForCallerAsync(cases, caseId, context, Roles.Csc);
        if (record is null)
        {
            return Portal.NotFound();
        }

        if (ParseType(type) is not { } documentType)
        {
            return Portal.Invalid("type", "Unknown document type. Use passport, visa, employmentContract, photograph, demandLetter or aadhaar.");
        }

        Applicant applicant = JsonSerializer.Deserialize<Applicant>(record.ApplicantJson, EmigrateJson.Options)!;
        if (!RequiredDocuments.Applies(documentType, applicant))
        {
            return Portal.Invalid("type", $"A {type} document is not required for this case.");
        }

        if (CaseActions.Check(CaseAction.UploadDocument, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        UploadPreCheck preCheck = UploadPreChecks.Check(documentType, request.Query, applicant, IndiaTime.Today(time));
        if (preCheck.Problem is not null)
        {
            return preCheck.Problem;
        }

        // Refuse what the headers already show before a byte is read.
        if (request.ContentLength > DocumentContent.MaxBytes)
        {
            return TooLarge();
        }

        if (request.ContentLength == 0)
        {
            return Portal.Invalid("body", "The file is empty.");
        }

        if (DocumentContent.FromContentType(request.ContentType) is not { } format)
        {
            return Unsupported("Only PDF, JPEG or PNG files are accepted.");
        }

        DocumentState? stored;
        try
        {
            stored = await documents.UploadAsync(record.CaseId, documentType, format, request.Body, preCheck.ExpiryDate, context.CancellationToken);
        }
        catch (UploadRejectedException e)
        {
            return e.Reason switch
            {
                UploadRejection.TooLarge => TooLarge(),
                UploadRejection.Empty => Portal.Invalid("body", e.Message),
                _ => Unsupported(e.Message),
            };
        }

        if (stored is null)
        {
            return Portal.Conflict($"The {type} document is already approved.");
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.DocumentUploaded) { DocumentType = documentType }, context.CancellationToken);
        return Results.Created(
            $"/api/cases/{record.CaseId}/documents/{type}",
            new
            {
                type,
                version = stored.Version,
                size = stored.Size,
                sha256 = stored.Sha256,
                reviewState = WireNames.Of(stored.State),
                expiryDate = stored.ExpiryDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
    }

    /// <summary><c>GET /api/cases/{caseId}/documents/{type}</c>: the latest version's bytes.</summary>
    [Function("DownloadDocument")]
    [Authorize(Roles = Roles.Csc + "," + Roles.Verifier)]
    public async Task<IResult> Download(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{caseId}/documents/{type}")] HttpRequest request,
        string caseId,
        string type,
        FunctionContext context)
    {
        CaseRecord? record = await Portal.FindForCallerAsync(cases, caseId, context, Roles.Csc, Roles.Verifier);
        if (record is null)
        {
            return Portal.NotFound();
        }

        if (ParseType(type) is not { } documentType)
        {
            return Portal.Invalid("type", "Unknown document type.");
        }

        var latest = await documents.OpenLatestAsync(record.CaseId, documentType, context.CancellationToken);
        if (latest is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {type} document was uploaded.");
        }

        request.HttpContext.Response.Headers["x-document-version"] = latest.Value.State.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        request.HttpContext.Response.Headers["x-document-sha256"] = latest.Value.State.Sha256;
        return Results.Stream(latest.Value.Content, latest.Value.ContentType);
    }

    /// <summary><c>POST /api/cases/{caseId}/documents/{type}/review</c>: a verifier approves or sends back the latest version.</summary>
    [Function("ReviewDocument")]
    [Authorize(Roles = Roles.Verifier)]
    public async Task<IResult> Review(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/documents/{type}/review")] HttpRequest request,
        string caseId,
        string type,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<ReviewBody> call = await Portal.FindAndReadAsync<ReviewBody>(cases, caseId, request, context, null, Roles.Verifier);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out ReviewBody? body))
        {
            return problem;
        }

        if (ParseType(type) is not { } documentType)
        {
            return Portal.Invalid("type", "Unknown document type.");
        }

        bool approve;
        switch (body.Decision)
        {
            case "approve":
                approve = true;
                break;
            case "sendBack":
                approve = false;
                if (!DocumentReview.TrySendBack(body.Reason, out _))
                {
                    return Portal.Invalid("reason", $"A send-back needs a reason of at most {DocumentReview.MaxReasonLength} characters.");
                }

                break;
            default:
                return Portal.Invalid("decision", "Use approve or sendBack.");
        }

        if (CaseActions.Check(CaseAction.ReviewDocument, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        ReviewOutcome outcome = await documents.ReviewAsync(record.CaseId, documentType, approve, body.Reason?.Trim(), context.CancellationToken);
        switch (outcome)
        {
            case ReviewOutcome.NothingToReview:
                return Portal.Conflict($"No version of the {type} document awaits review.");
            case ReviewOutcome.NeedsSupervisor:
                return Portal.Conflict("The documents were sent back 3 times already; a supervisor must decide this case.");
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = documentType }, context.CancellationToken);
        return Results.Ok(new { type, decision = body.Decision, reason = approve ? null : body.Reason?.Trim() });
    }

    private static DocumentType? ParseType(string type) =>
        Enum.GetValues<DocumentType>().Cast<DocumentType?>().FirstOrDefault(t => WireNames.Of(t!.Value) == type);

    private static IResult Unsupported(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported document", detail: detail);

    private static IResult TooLarge() => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Document too large",
        detail: $"A document may be at most {DocumentContent.MaxBytes / (1024 * 1024)} MB.");
}
