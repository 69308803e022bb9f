using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Serverless.Functions;

/// <summary>Reads the caller (role and organisation) of an HTTP function from its principal.</summary>
public static class FunctionCallerExtensions
{
    /// <summary>The caller of an HTTP function, or <see langword="null"/> when it was called anonymously or not over HTTP.</summary>
    public static FunctionCaller? GetCaller(this FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GetHttpContext()?.User.GetCaller();
    }

    /// <summary>The caller of the request, or <see langword="null"/> when it carried no valid function key.</summary>
    public static FunctionCaller? GetCaller(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.GetCaller();
    }

    /// <summary>The caller described by a principal made from a function key, or <see langword="null"/> for any other principal.</summary>
    public static FunctionCaller? GetCaller(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var identity = principal.Identities.FirstOrDefault(i => i.IsAuthenticated && i.AuthenticationType == FunctionClaimTypes.AuthenticationType);
        if (identity is null)
        {
            return null;
        }

        return new FunctionCaller(
            identity.FindFirst(FunctionClaimTypes.KeyId)?.Value ?? string.Empty,
            identity.FindFirst(FunctionClaimTypes.Role)?.Value ?? string.Empty,
            identity.FindFirst(FunctionClaimTypes.OrganisationId)?.Value ?? string.Empty);
    }
}
