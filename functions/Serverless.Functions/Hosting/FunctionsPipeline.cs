using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Durable;
using Serverless.Functions.Http;
using Serverless.Functions.Invocation;
using Serverless.Functions.Operations;

namespace Serverless.Functions.Hosting;

/// <summary>The request pipeline: errors as problem details, request logs, function keys, then the endpoints.</summary>
internal static class FunctionsPipeline
{
    public static void Configure(WebApplication app)
    {
        // Discovery runs here so a function that cannot be bound stops the app before it listens.
        var catalog = app.Services.GetRequiredService<FunctionCatalog>();
        Log.FunctionsFound(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Serverless.Functions.Host"),
            catalog.Functions.Count,
            string.Join(", ", catalog.Functions.Select(f => f.Name)));

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLoggingMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHttpFunctions();
        app.MapHealthEndpoint();
        app.MapDurableManagementApi();
        app.MapOpenApi().AllowAnonymous();
    }
}
