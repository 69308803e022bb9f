using Emigrate.Data.Cases;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Reference;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary><c>GET /api/insurers/{insurerId}/requests</c>: the cases waiting for a policy from that insurer.</summary>
public sealed class InsurerRequests(CaseStore cases, ReferenceData reference)
{
    private const int PageSize = 50;

    /// <summary>A page of the insurer's pending requests, from its own index partition (no scan).</summary>
    [Function("ListInsuranceRequests")]
    [Authorize(Roles = Roles.Insurer)]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "insurers/{insurerId}/requests")] HttpRequest request,
        string insurerId,
        FunctionContext context)
    {
        // Another insurer's list answers exactly like an unknown insurer.
        if (context.GetCaller()!.OrganisationId != insurerId || reference.FindInsurer(insurerId) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no such insurer.");
        }

        string? token = request.Query["continuationToken"];
        CasePage page;
        try
        {
            page = await cases.ListByInsurerAsync(insurerId, CaseStage.InsuranceRequested, string.IsNullOrEmpty(token) ? null : token, PageSize, context.CancellationToken);
        }
        catch (FormatException)
        {
            return Portal.Invalid("continuationToken", "Not a continuation token of this list: pass the one the previous page returned.");
        }

        return Results.Ok(new
        {
            insurerId,
            items = page.Items.Select(i => new { caseId = i.CaseId, stage = i.Stage.WireName(), name = i.Name, registeredAt = i.RegisteredAt }),
            continuationToken = page.ContinuationToken,
        });
    }
}
