using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Functions.Hosting;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Http;

/// <summary>Maps every HTTP function to an ASP.NET Core endpoint under the route prefix, with its authorisation and body limit.</summary>
internal static class HttpFunctionEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        var catalog = endpoints.ServiceProvider.GetRequiredService<FunctionCatalog>();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<HttpOptions>>().Value;
        var claimed = new Dictionary<(string Template, string Method), FunctionDescriptor>();
        foreach (var function in catalog.WithTrigger<HttpTriggerAttribute>())
        {
            ClaimRoute(claimed, function, options.RoutePrefix);
        }

        foreach (var function in catalog.WithTrigger<HttpTriggerAttribute>())
        {
            var trigger = (HttpTriggerAttribute)function.Definition.Trigger;
            var template = HttpRoute.Template(function.Definition, options.RoutePrefix);
            var handler = CreateHandler(function);
            var builder = trigger.Methods.Count == 0
                ? endpoints.Map(template, handler)
                : endpoints.MapMethods(template, trigger.Methods.Select(m => m.ToUpperInvariant()), handler);
            builder.WithName(function.Name)
                .WithDisplayName($"{function.Name} ({function.Definition.EntryPoint})")
                .WithMetadata(function.Definition);

            // Attributes such as [RequestSizeLimit], [Authorize] and [Tags] act through endpoint metadata, as on controllers.
            builder.WithMetadata([.. function.Definition.Method.DeclaringType!.GetCustomAttributes(inherit: true), .. function.Definition.Method.GetCustomAttributes(inherit: true)]);
            if (!HasSizeLimit(function))
            {
                builder.WithMetadata(new RequestSizeLimitAttribute(options.MaxRequestBodySize));
            }

            switch (trigger.AuthLevel)
            {
                case AuthorizationLevel.Anonymous:
                    builder.AllowAnonymous();
                    break;
                case AuthorizationLevel.Admin:
                    builder.RequireAuthorization(new AuthorizeAttribute { Roles = FunctionRoles.Admin });
                    break;
                default:
                    builder.RequireAuthorization();
                    break;
            }
        }
    }

    /// <summary>Fails start-up when two functions answer the same method on the same route, which would otherwise fail every such request.</summary>
    private static void ClaimRoute(Dictionary<(string Template, string Method), FunctionDescriptor> claimed, FunctionDescriptor function, string routePrefix)
    {
        var trigger = (HttpTriggerAttribute)function.Definition.Trigger;
        var template = HttpRoute.Template(function.Definition, routePrefix).ToUpperInvariant();
        foreach (var method in trigger.Methods.Count == 0 ? ["*"] : trigger.Methods.Select(m => m.ToUpperInvariant()))
        {
            foreach (var (key, other) in claimed)
            {
                if (key.Template == template && (key.Method == method || key.Method == "*" || method == "*"))
                {
                    throw new InvalidOperationException(
                        $"The function app cannot start: functions '{other.Name}' ({other.Definition.EntryPoint}) and '{function.Name}' ({function.Definition.EntryPoint}) both answer {method} {template}.");
                }
            }

            claimed[(template, method)] = function;
        }
    }

    private static bool HasSizeLimit(FunctionDescriptor function) =>
        function.Definition.Method.GetCustomAttributes(inherit: true).OfType<IRequestSizeLimitMetadata>().Any()
        || function.Definition.Method.DeclaringType!.GetCustomAttributes(inherit: true).OfType<IRequestSizeLimitMetadata>().Any();

    private static RequestDelegate CreateHandler(FunctionDescriptor function) => async http =>
    {
        var executor = http.RequestServices.GetRequiredService<FunctionExecutor>();
        var lifetime = http.RequestServices.GetRequiredService<FunctionHostLifetime>();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.GracePeriodExpired);
        var context = new DefaultFunctionContext(function.Definition, http.RequestServices, cancellation.Token) { HttpContext = http };
        http.Features.Set(new FunctionInvocationFeature(function.Name, context.InvocationId));
        var result = await executor.ExecuteAsync(function, context);
        await HttpResultWriter.WriteAsync(http, result, function.Result.ResultType);
    };
}
