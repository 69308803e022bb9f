using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Serverless.Functions.Http;

/// <summary>Answers request errors (bad input, body too large) with their own status, unreachable storage with 503 and anything else with a bare 500, always as problem details.</summary>
/// <remarks>A 500 never carries the exception's message: it may hold personal data or internals. The invocation id is given so a caller can quote it.</remarks>
internal sealed class FunctionExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = ReasonPhrase(bad.StatusCode), Detail = bad.Message },

            // Storage did not answer at all (after the client's retries): a caller may try again later.
            _ when IsUnreachable(exception) =>
                new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "Storage is unavailable; try again later." },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "The function failed." },
        };
        if (httpContext.Features.Get<FunctionInvocationFeature>() is { } invocation)
        {
            problem.Extensions["invocationId"] = invocation.InvocationId;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>A transport failure: no status from the service (Azure.Core reports exhausted retries as an <see cref="AggregateException"/> of them).</summary>
    private static bool IsUnreachable(Exception exception) => exception switch
    {
        RequestFailedException { Status: 0 } or HttpRequestException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnreachable),
        _ => false,
    };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Bad request";
}
