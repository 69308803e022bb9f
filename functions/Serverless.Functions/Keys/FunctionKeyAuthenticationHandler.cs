using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Functions.Keys;

/// <summary>Authenticates a request by its function key (<c>x-functions-key</c> header or <c>code</c> query parameter).</summary>
/// <remarks>
/// Wrong or missing key answers 401, right key with the wrong role 403, both as problem details that say nothing
/// about whether the resource exists.
/// </remarks>
internal sealed class FunctionKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    FunctionKeyValidator validator,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "FunctionKey";
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? key = Request.Headers[HeaderName];
        if (string.IsNullOrEmpty(key))
        {
            key = Request.Query[QueryName];
        }

        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await validator.ValidateAsync(key, Context.RequestAborted);
        if (found is null)
        {
            return AuthenticateResult.Fail("The function key is not valid.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(FunctionClaimTypes.KeyId, found.KeyId),
                new Claim(FunctionClaimTypes.Role, found.Role),
                new Claim(FunctionClaimTypes.OrganisationId, found.OrganisationId),
                new Claim(ClaimTypes.NameIdentifier, found.KeyId),
            ],
            FunctionClaimTypes.AuthenticationType,
            ClaimTypes.NameIdentifier,
            FunctionClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized",
            $"A valid function key is required, in the {HeaderName} header or the {QueryName} query parameter.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "This key's role may not call this function.");

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }
}
