using System.Reflection;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Http;

/// <summary>Binds HTTP functions: the request, the <c>HttpContext</c>, the principal, route values and a JSON <c>[FromBody]</c> parameter.</summary>
internal sealed class HttpTriggerBinder : ITriggerBinder
{
    public Type AttributeType => typeof(HttpTriggerAttribute);

    public BindingResult BindTrigger(FunctionDefinition function, ParameterInfo parameter)
    {
        if (parameter.ParameterType != typeof(HttpRequest))
        {
            return BindingResult.Fail($"[HttpTrigger] binds to HttpRequest, not {parameter.ParameterType.Name}.");
        }

        var trigger = (HttpTriggerAttribute)function.Trigger;
        var authorize = AuthorizeData(function).ToList();
        if (trigger.AuthLevel == AuthorizationLevel.Function && authorize.Count == 0)
        {
            return BindingResult.Fail(
                "AuthorizationLevel.Function needs [Authorize(Roles = \"...\")] (or [Authorize] for any valid key) on the method or class, so the host checks who calls it.");
        }

        if (trigger.AuthLevel == AuthorizationLevel.Anonymous && authorize.Count > 0)
        {
            return BindingResult.Fail("an anonymous function cannot also carry [Authorize]; use AuthorizationLevel.Function.");
        }

        if (!Enum.IsDefined(trigger.AuthLevel))
        {
            return BindingResult.Fail($"authorization level {trigger.AuthLevel} is not supported (Anonymous, Function or Admin).");
        }

        try
        {
            HttpRoute.Pattern(function);
        }
        catch (Microsoft.AspNetCore.Routing.Patterns.RoutePatternException ex)
        {
            return BindingResult.Fail($"route '{trigger.Route}' is not a valid route template: {ex.Message}");
        }

        return BindingResult.Ok(static c => ValueTask.FromResult<object?>(c.HttpContext!.Request));
    }

    public BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(HttpContext))
        {
            return BindingResult.Ok(static c => ValueTask.FromResult<object?>(c.HttpContext));
        }

        if (type == typeof(ClaimsPrincipal))
        {
            return BindingResult.Ok(static c => ValueTask.FromResult<object?>(c.HttpContext!.User));
        }

        if (parameter.GetCustomAttributes().OfType<IFromBodyMetadata>().Any())
        {
            return BindingResult.Ok(c => ReadJsonBodyAsync(c, type));
        }

        var name = parameter.Name!;
        var routeParameter = HttpRoute.Pattern(function).Parameters
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (routeParameter is not null)
        {
            if (!RouteValueConverter.CanConvert(type))
            {
                return BindingResult.Fail($"route value '{routeParameter.Name}' cannot be converted to {type.Name}.");
            }

            var key = routeParameter.Name;
            return BindingResult.Ok(c => ValueTask.FromResult(
                RouteValueConverter.Convert(c.HttpContext!.GetRouteValue(key)?.ToString(), type, key)));
        }

        return null;
    }

    internal static IEnumerable<IAuthorizeData> AuthorizeData(FunctionDefinition function) =>
        function.Method.GetCustomAttributes().OfType<IAuthorizeData>()
            .Concat(function.Method.DeclaringType!.GetCustomAttributes().OfType<IAuthorizeData>());

    private static async ValueTask<object?> ReadJsonBodyAsync(DefaultFunctionContext context, Type type)
    {
        var request = context.HttpContext!.Request;
        if (!request.HasJsonContentType())
        {
            throw new BadHttpRequestException("The request body must be JSON (Content-Type: application/json).", StatusCodes.Status415UnsupportedMediaType);
        }

        var options = context.InstanceServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return await JsonSerializer.DeserializeAsync(request.Body, type, options, context.CancellationToken)
                ?? throw new BadHttpRequestException("The request body is empty.", StatusCodes.Status400BadRequest);
        }
        catch (JsonException ex)
        {
            // The position helps the caller fix the document; the content is never echoed back.
            throw new BadHttpRequestException($"The request body is not valid JSON for this function (at {ex.Path ?? "$"}).", StatusCodes.Status400BadRequest, ex);
        }
    }
}
