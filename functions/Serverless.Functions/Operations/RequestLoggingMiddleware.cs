using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Http;

namespace Serverless.Functions.Operations;

/// <summary>Logs one line per request without personal data: the route template instead of the path, never the query string or body.</summary>
/// <remarks>
/// Paths and query strings carry case ids, mobile numbers and keys (<c>code=</c>); the template (<c>api/cases/{caseId}</c>)
/// says which function ran without any of them.
/// </remarks>
internal sealed class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
            var invocation = context.Features.Get<FunctionInvocationFeature>();
            Log.RequestCompleted(
                logger,
                context.Request.Method,
                template,
                context.Response.StatusCode,
                time.GetElapsedTime(started).TotalMilliseconds,
                invocation?.InvocationId ?? "-");
        }
    }
}
