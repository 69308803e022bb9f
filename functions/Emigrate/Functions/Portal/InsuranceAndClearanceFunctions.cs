using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Insurance;
using Emigrate.Domain.Reference;
using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;
using Emigrate.Orchestrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary>The body of an insurance request.</summary>
public sealed class InsuranceRequestBody
{
    /// <summary>The insurer id.</summary>
    public string? InsurerId { get; init; }

    /// <summary>2 or 3.</summary>
    public int? Years { get; init; }
}

/// <summary>The body of an issued policy.</summary>
public sealed class PolicyBody
{
    /// <summary>The policy number.</summary>
    public string? PolicyNumber { get; init; }

    /// <summary>Start of cover, yyyy-MM-dd.</summary>
    public string? StartDate { get; init; }

    /// <summary>End of cover, yyyy-MM-dd.</summary>
    public string? EndDate { get; init; }

    /// <summary>The premium in rupees.</summary>
    public decimal? Premium { get; init; }
}

/// <summary>The body of a PoE decision.</summary>
public sealed class DecisionBody
{
    /// <summary><c>grant</c>, <c>sendBack</c> or <c>reject</c>.</summary>
    public string? Decision { get; init; }

    /// <summary>Required to send back or reject.</summary>
    public string? Reason { get; init; }

    /// <summary>Required to grant.</summary>
    public string? EcNumber { get; init; }
}

/// <summary>Insurance and clearance calls.</summary>
public sealed class InsuranceAndClearanceFunctions(CaseStore cases, ReferenceData reference, TimeProvider time)
{
    /// <summary><c>GET /api/insurers</c>.</summary>
    [Function("ListInsurers")]
    [Authorize(Roles = Roles.Csc)]
    public IResult Insurers([HttpTrigger(AuthorizationLevel.Function, "get", Route = "insurers")] HttpRequest request) =>
        Results.Ok(new { insurers = reference.Insurers.Select(i => new { id = i.Id, name = i.Name }) });

    /// <summary><c>POST /api/cases/{caseId}/insurance/request</c>: the owning CSC asks an insurer for the PBBY policy.</summary>
    [Function("RequestInsurance")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Request(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/insurance/request")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<InsuranceRequestBody> call = await Portal.FindAndReadAsync<InsuranceRequestBody>(cases, caseId, request, context, null, Roles.Csc);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out InsuranceRequestBody? body))
        {
            return problem;
        }

        if (reference.FindInsurer(body.InsurerId ?? "") is not { } insurer)
        {
            return Portal.Invalid("insurerId", "Unknown insurer.");
        }

        if (body.Years is not (2 or 3))
        {
            return Portal.Invalid("years", "PBBY policies run 2 or 3 years.");
        }

        if (CaseActions.Check(CaseAction.RequestInsurance, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = insurer.Id, Years = body.Years }, context.CancellationToken);
        return Results.Accepted($"/api/cases/{record.CaseId}", new { caseId = record.CaseId, insurerId = insurer.Id, years = body.Years, premium = Pbby.PremiumRupees(body.Years.Value) });
    }

    /// <summary><c>POST /api/cases/{caseId}/insurance/policy</c>: the requested insurer posts the issued policy.</summary>
    [Function("PostPolicy")]
    [Authorize(Roles = Roles.Insurer)]
    public async Task<IResult> Policy(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/insurance/policy")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<PolicyBody> call = await Portal.FindAndReadAsync<PolicyBody>(cases, caseId, request, context, RequestedOf, Roles.Insurer);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out PolicyBody? body))
        {
            return problem;
        }

        string insurer = record.Facts["InsurerId"];

        var errors = new Dictionary<string, string[]>();
        if (!Portal.TryDate(body.StartDate, out DateOnly start))
        {
            errors["startDate"] = ["Give the start of cover as yyyy-MM-dd."];
        }

        if (!Portal.TryDate(body.EndDate, out DateOnly end))
        {
            errors["endDate"] = ["Give the end of cover as yyyy-MM-dd."];
        }

        if (body.Premium is null)
        {
            errors["premium"] = ["Give the premium in rupees."];
        }

        if (errors.Count == 0)
        {
            Applicant applicant = JsonSerializer.Deserialize<Applicant>(record.ApplicantJson, EmigrateJson.Options)!;
            var policy = new InsurancePolicy(body.PolicyNumber ?? "", insurer, start, end, body.Premium!.Value);
            foreach ((string field, string message) in InsuranceRules.Check(policy, applicant))
            {
                errors[field switch { "startsOn" => "startDate", "endsOn" => "endDate", "premiumRupees" => "premium", _ => field }] = [message];
            }
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        if (CaseActions.Check(CaseAction.PostPolicy, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.PolicyIssued) { PolicyNumber = body.PolicyNumber }, context.CancellationToken);
        return Results.Ok(new { caseId = record.CaseId, policyNumber = body.PolicyNumber });
    }

    /// <summary><c>POST /api/cases/{caseId}/clearance/submit</c>: the owning CSC submits to the PoE; answers the ARN.</summary>
    [Function("SubmitClearance")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Submit(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/clearance/submit")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        CaseRecord? record = await Portal.FindForCallerAsync(cases, caseId, context, Roles.Csc);
        if (record is null)
        {
            return Portal.NotFound();
        }

        if (CaseActions.Check(CaseAction.SubmitClearance, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        string day = IndiaTime.Today(time).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        string arn = $"{record.PoeOffice.Replace("poe-", "", StringComparison.Ordinal).ToUpperInvariant()}/{day}/{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}";
        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = arn }, context.CancellationToken);
        return Results.Accepted($"/api/cases/{record.CaseId}", new { caseId = record.CaseId, arn, poeOffice = record.PoeOffice });
    }

    /// <summary><c>POST /api/cases/{caseId}/clearance/decision</c>: a PoE officer of the jurisdiction decides.</summary>
    [Function("DecideClearance")]
    [Authorize(Roles = Roles.Poe)]
    public async Task<IResult> Decide(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/clearance/decision")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<DecisionBody> call = await Portal.FindAndReadAsync<DecisionBody>(cases, caseId, request, context, null, Roles.Poe);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out DecisionBody? body))
        {
            return problem;
        }

        ClearanceDecision? decision = body.Decision switch
        {
            "grant" => ClearanceDecision.Grant,
            "sendBack" => ClearanceDecision.SendBack,
            "reject" => ClearanceDecision.Reject,
            _ => null,
        };
        if (decision is null)
        {
            return Portal.Invalid("decision", "Use grant, sendBack or reject.");
        }

        if (decision == ClearanceDecision.Grant && (string.IsNullOrWhiteSpace(body.EcNumber) || body.EcNumber.Length > 40))
        {
            return Portal.Invalid("ecNumber", "A grant needs the EC number (at most 40 characters).");
        }

        if (decision != ClearanceDecision.Grant && Portal.InvalidReason(body.Reason) is { } badReason)
        {
            return badReason;
        }

        if (CaseActions.Check(CaseAction.DecideClearance, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.ClearanceDecided)
        {
            Decision = decision,
            Reason = body.Reason?.Trim(),
            EcNumber = body.EcNumber?.Trim(),
        }, context.CancellationToken);
        return Results.Ok(new { caseId = record.CaseId, decision = body.Decision });
    }

    // Only the insurer the CSC asked sees the case; any other answers 404 like an unknown id.
    private static bool RequestedOf(CaseRecord record, FunctionCaller caller) =>
        record.Facts.TryGetValue("InsurerId", out string? insurer) && insurer == caller.OrganisationId;
}
