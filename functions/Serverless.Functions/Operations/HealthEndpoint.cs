using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Serverless.Functions.Http;

namespace Serverless.Functions.Operations;

/// <summary><c>GET /{routePrefix}/health</c>, anonymous: 200 with each check's status, or 503 as problem details naming the failing checks.</summary>
internal static class HealthEndpoint
{
    public static void MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        var prefix = endpoints.ServiceProvider.GetRequiredService<IOptions<HttpOptions>>().Value.RoutePrefix.Trim('/');
        endpoints.MapGet(prefix.Length == 0 ? "/health" : $"/{prefix}/health", CheckAsync)
            .AllowAnonymous()
            .WithName("health")
            .WithTags("Operations");
    }

    private static async Task<Results<Ok<HealthReportBody>, ProblemHttpResult>> CheckAsync(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString());
        if (report.Status == HealthStatus.Unhealthy)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Unhealthy",
                detail: "Failing: " + string.Join(", ", report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key)),
                extensions: new Dictionary<string, object?> { ["checks"] = checks });
        }

        return TypedResults.Ok(new HealthReportBody(report.Status.ToString(), checks));
    }

    /// <summary>The body of a healthy answer.</summary>
    internal sealed record HealthReportBody(string Status, IReadOnlyDictionary<string, string> Checks);
}
