using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Functions;

namespace Emigrate.Functions.Demo;

/// <summary>A first function to call: answers which role and organisation the presented function key stands for.</summary>
/// <remarks>
/// <c>curl -H "x-functions-key: $KEY" http://127.0.0.1:7071/api/whoami</c>; any valid key may call it.
/// </remarks>
public sealed class WhoAmI
{
    [Function("WhoAmI")]
    [Authorize]
    public IResult Run([HttpTrigger(AuthorizationLevel.Function, "get", Route = "whoami")] HttpRequest request, FunctionContext context)
    {
        var caller = context.GetCaller()!;
        return Results.Ok(new WhoAmIResponse(caller.Role, caller.OrganisationId, caller.KeyId, context.InvocationId));
    }
}

/// <summary>What <see cref="WhoAmI"/> answers.</summary>
public sealed record WhoAmIResponse(string Role, string OrganisationId, string KeyId, string InvocationId);
