using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Operations;

/// <summary>Describes HTTP functions to ASP.NET Core's API explorer, so the OpenAPI document lists them with their route values and JSON bodies.</summary>
/// <remarks>
/// A function's parameters are not minimal-API parameters (<c>HttpRequest</c>, <c>FunctionContext</c>, …), so the
/// built-in provider cannot read them; this one knows which are route values and which is the body.
/// </remarks>
internal sealed class FunctionApiDescriptionProvider(EndpointDataSource endpoints, IModelMetadataProvider metadata) : IApiDescriptionProvider
{
    // After the built-in providers (order -1100).
    public int Order => -1000;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<FunctionDefinition>() is not { } function)
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } declared ? declared : ["GET", "POST"];
            foreach (var method in methods)
            {
                context.Results.Add(Describe(endpoint, function, method));
            }
        }
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
    }

    private ApiDescription Describe(RouteEndpoint endpoint, FunctionDefinition function, string method)
    {
        var description = new ApiDescription
        {
            HttpMethod = method,
            RelativePath = endpoint.RoutePattern.RawText!.TrimStart('/'),
            ActionDescriptor = new ActionDescriptor
            {
                DisplayName = endpoint.DisplayName,
                EndpointMetadata = [.. endpoint.Metadata],
                RouteValues = { ["controller"] = function.Method.DeclaringType!.Name },
            },
        };

        foreach (var routeParameter in endpoint.RoutePattern.Parameters)
        {
            var parameter = function.Method.GetParameters().FirstOrDefault(p => string.Equals(p.Name, routeParameter.Name, StringComparison.OrdinalIgnoreCase));
            var type = parameter?.ParameterType ?? typeof(string);
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = routeParameter.Name,
                Source = BindingSource.Path,
                Type = type,
                ModelMetadata = metadata.GetMetadataForType(type),
                IsRequired = !routeParameter.IsOptional,
                RouteInfo = new ApiParameterRouteInfo { IsOptional = routeParameter.IsOptional, DefaultValue = routeParameter.Default },
            });
        }

        if (function.Method.GetParameters().FirstOrDefault(p => p.GetCustomAttributes().OfType<IFromBodyMetadata>().Any()) is { } body)
        {
            description.ParameterDescriptions.Add(new ApiParameterDescription
            {
                Name = body.Name!,
                Source = BindingSource.Body,
                Type = body.ParameterType,
                ModelMetadata = metadata.GetMetadataForType(body.ParameterType),
                IsRequired = true,
            });
            description.SupportedRequestFormats.Add(new ApiRequestFormat { MediaType = "application/json" });
        }

        AddResponses(description, function);
        return description;
    }

    private void AddResponses(ApiDescription description, FunctionDefinition function)
    {
        var declared = function.Method.GetCustomAttributes().OfType<IProducesResponseTypeMetadata>().ToList();
        foreach (var response in declared)
        {
            var type = response.Type ?? typeof(void);
            var responseType = new ApiResponseType { StatusCode = response.StatusCode, Type = type, ModelMetadata = type == typeof(void) ? null : metadata.GetMetadataForType(type) };
            foreach (var contentType in response.ContentTypes.DefaultIfEmpty(type == typeof(void) ? null : "application/json"))
            {
                if (contentType is not null)
                {
                    responseType.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = contentType });
                }
            }

            description.SupportedResponseTypes.Add(responseType);
        }

        var result = ReturnValue.For(function.Method.ReturnType).ResultType;
        if (declared.Count == 0 && result != typeof(void) && !typeof(IResult).IsAssignableFrom(result) && !typeof(IActionResult).IsAssignableFrom(result))
        {
            var ok = new ApiResponseType { StatusCode = StatusCodes.Status200OK, Type = result, ModelMetadata = metadata.GetMetadataForType(result) };
            ok.ApiResponseFormats.Add(new ApiResponseFormat { MediaType = result == typeof(string) ? "text/plain" : "application/json" });
            description.SupportedResponseTypes.Add(ok);
        }
    }
}
