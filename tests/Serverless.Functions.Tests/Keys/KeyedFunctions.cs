using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace Serverless.Functions.Tests.Keys;

/// <summary>Functions at each authorisation level, to check the 401/403 matrix.</summary>
public sealed class KeyedFunctions
{
    [Function("CaseForCsc")]
    [Authorize(Roles = "csc-operator")]
    public IResult CaseForCsc([HttpTrigger(AuthorizationLevel.Function, "get", Route = "cases/{caseId}")] HttpRequest request, string caseId, FunctionContext context)
    {
        var caller = context.GetCaller()!;
        return Results.Ok(new { caseId, caller.Role, caller.OrganisationId, caller.KeyId, isInRole = request.HttpContext.User.IsInRole("csc-operator") });
    }

    [Function("VerifyDocument")]
    [Authorize(Roles = "verifier,poe-officer")]
    public IResult VerifyDocument([HttpTrigger(AuthorizationLevel.Function, "post", Route = "cases/{caseId}/verify")] HttpRequest request, string caseId) =>
        Results.NoContent();

    [Function("AnyKey")]
    [Authorize]
    public IResult AnyKey([HttpTrigger(AuthorizationLevel.Function, "get", Route = "any")] HttpRequest request) => Results.Ok();

    [Function("AdminOnly")]
    public IResult AdminOnly([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "admin/things")] HttpRequest request) => Results.Ok();

    [Function("Open")]
    public IResult Open([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open")] HttpRequest request, FunctionContext context) =>
        Results.Ok(new { anonymous = context.GetCaller() is null });
}
