using Emigrate.Data.Cases;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary>The body of a withdrawal.</summary>
public sealed class WithdrawBody
{
    /// <summary>Why.</summary>
    public string? Reason { get; init; }
}

/// <summary><c>POST /api/cases/{caseId}/withdraw</c>: the owning CSC withdraws an open case.</summary>
public sealed class Withdraw(CaseStore cases)
{
    /// <summary>Withdraws the case.</summary>
    [Function("WithdrawCase")]
    [Authorize(Roles = Roles.Csc)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/withdraw")] HttpRequest request,
        string caseId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        PortalCall<WithdrawBody> call = await Portal.FindAndReadAsync<WithdrawBody>(cases, caseId, request, context, null, Roles.Csc);
        if (call.Failed(out IResult? problem, out CaseRecord? record, out WithdrawBody? body))
        {
            return problem;
        }

        if (Portal.InvalidReason(body.Reason) is { } badReason)
        {
            return badReason;
        }

        if (CaseActions.Check(CaseAction.Withdraw, record.Stage) is { } conflict)
        {
            return Portal.Conflict(conflict);
        }

        await Portal.RaiseAsync(client, record, new CaseEvent(CaseEventKind.Withdraw) { Reason = body.Reason!.Trim() }, context.CancellationToken);
        return Results.Ok(new { caseId = record.CaseId, stage = record.Stage.WireName(), accepted = "withdraw" });
    }
}
