using System.Text.Json;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Clearance;
using Emigrate.Domain.Privacy;
using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;
using Emigrate.Orchestrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary><c>POST /api/cases</c>: a CSC registers an applicant; the case's orchestration starts.</summary>
/// <remarks>
/// The case row and passport claim are written before the orchestration starts, so a start that fails leaves a
/// registered case without its orchestration. Nothing stays dead that way: the answer is 503 (re-submit), and a
/// re-submission of the passport finds the case, starts its missing orchestration with the same id and answers the
/// registering CSC as for a fresh registration (another CSC gets the usual 409 with the case id).
/// </remarks>
public sealed partial class RegisterCase(
    RegistrationValidator validator, CaseStore cases, ICaseStarter starter, DeadlineOptions deadlines, TimeProvider time, ILogger<RegisterCase> logger)
{
    /// <summary>Registers the applicant of the body for the caller's CSC.</summary>
    [Function("RegisterCase")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        FunctionCaller caller = context.GetCaller()!;
        if (Portal.NotJson(request) is { } unsupported)
        {
            return unsupported;
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.CancellationToken);
        DateTimeOffset now = time.GetUtcNow();
        RegistrationResult result = validator.Validate(buffer.ToArray(), IndiaTime.DateOf(now));
        if (!result.IsValid)
        {
            return Results.ValidationProblem(result.Errors);
        }

        Applicant applicant = result.Applicant!;
        DateOnly clearanceDay = ClearanceDeadline.Compute(DateOnly.MaxValue, applicant.Passport.ExpiryDate, null).Date;
        var newCase = new NewCase(
            caller.OrganisationId,
            applicant.PoeOffice,
            applicant.Passport.Number.Value,
            applicant.Mobile.Value,
            applicant.PreferredLanguage,
            applicant.Name,
            JsonSerializer.Serialize(applicant, EmigrateJson.Options),
            now,
            CaseDeadlines.DocumentsDue(now, deadlines),
            IndiaTime.At(clearanceDay, TimeOnly.MinValue));
        RegistrationOutcome outcome = await cases.RegisterAsync(newCase, context.CancellationToken);
        if (!outcome.Created)
        {
            return await this.ExistingAsync(outcome.CaseId, caller, client, context.CancellationToken);
        }

        var start = new CaseStart(outcome.CaseId, now, newCase.DocumentsDue, newCase.ClearanceDue, deadlines.EscalationWorkingDays);
        if (await this.TryStartAsync(client, start, context.CancellationToken) is { } failed)
        {
            return failed;
        }

        LogRegistered(logger, outcome.CaseId, caller.OrganisationId, LogMask.Passport(newCase.PassportNumber));
        return Accepted(outcome.CaseId);
    }

    private static IResult Accepted(string caseId) =>
        Results.Accepted($"/api/cases/{caseId}", new { caseId, stage = CaseStage.Registered.WireName() });

    /// <summary>The passport has an open case: repair it when its orchestration never started, then answer.</summary>
    private async Task<IResult> ExistingAsync(string caseId, FunctionCaller caller, DurableTaskClient client, CancellationToken cancellationToken)
    {
        CaseRecord? existing = await cases.FindAsync(caseId, cancellationToken);
        bool repaired = false;

        // Only a case still at registered can lack its orchestration: every later stage is recorded by it.
        if (existing is { Stage: CaseStage.Registered } && await client.GetInstanceAsync(caseId, cancellation: cancellationToken) is null)
        {
            var start = new CaseStart(caseId, existing.RegisteredAt, existing.DocumentsDue, existing.ClearanceDue, deadlines.EscalationWorkingDays);
            if (await this.TryStartAsync(client, start, cancellationToken) is { } failed)
            {
                return failed;
            }

            LogRepaired(logger, caseId);
            repaired = true;
        }

        if (repaired && existing!.CscId == caller.OrganisationId)
        {
            return Accepted(caseId);
        }

        return Portal.Conflict("This passport already has an open case.", new Dictionary<string, object?> { ["caseId"] = caseId });
    }

    private async Task<IResult?> TryStartAsync(DurableTaskClient client, CaseStart start, CancellationToken cancellationToken)
    {
        try
        {
            await starter.StartAsync(client, start, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogStartFailed(logger, e, start.CaseId);
            return Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The case could not be started",
                detail: "The case is saved but its workflow did not start. Submit the same applicant again: it continues this case.",
                extensions: new Dictionary<string, object?> { ["caseId"] = start.CaseId });
        }
    }

    [LoggerMessage(EventId = 5131, Level = LogLevel.Warning, Message = "Case {CaseId}: its orchestration did not start")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string caseId);

    [LoggerMessage(EventId = 5132, Level = LogLevel.Information, Message = "Case {CaseId}: missing orchestration started on re-submission")]
    private static partial void LogRepaired(ILogger logger, string caseId);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Case {CaseId} registered by {CscId} for passport {Passport}")]
    private static partial void LogRegistered(ILogger logger, string caseId, string cscId, string passport);
}
