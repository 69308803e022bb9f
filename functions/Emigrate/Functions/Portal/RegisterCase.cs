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
public sealed partial class RegisterCase(RegistrationValidator validator, CaseStore cases, DeadlineOptions deadlines, TimeProvider time, ILogger<RegisterCase> logger)
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
            return Portal.Conflict(
                "This passport already has an open case.",
                new Dictionary<string, object?> { ["caseId"] = outcome.CaseId });
        }

        await client.ScheduleNewOrchestrationInstanceAsync(
            CaseOrchestration.Name,
            new CaseStart(outcome.CaseId, now, newCase.DocumentsDue, newCase.ClearanceDue, deadlines.EscalationWorkingDays),
            new StartOrchestrationOptions(outcome.CaseId),
            context.CancellationToken);
        LogRegistered(logger, outcome.CaseId, caller.OrganisationId, LogMask.Passport(newCase.PassportNumber));
        return Results.Accepted($"/api/cases/{outcome.CaseId}", new { caseId = outcome.CaseId, stage = CaseStage.Registered.WireName() });
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Case {CaseId} registered by {CscId} for passport {Passport}")]
    private static partial void LogRegistered(ILogger logger, string caseId, string cscId, string passport);
}
