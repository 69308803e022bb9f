using Microsoft.AspNetCore.Routing.Patterns;

namespace Serverless.Functions.Http;

/// <summary>Works out an HTTP function's route: the trigger's <c>Route</c> (or the function's name) under the route prefix.</summary>
internal static class HttpRoute
{
    public static string Template(FunctionDefinition function, string routePrefix)
    {
        var trigger = (HttpTriggerAttribute)function.Trigger;
        var route = (trigger.Route ?? function.Name).Trim('/');
        var prefix = routePrefix.Trim('/');
        return prefix.Length == 0 ? "/" + route : $"/{prefix}/{route}";
    }

    public static RoutePattern Pattern(FunctionDefinition function) =>
        RoutePatternFactory.Parse(((HttpTriggerAttribute)function.Trigger).Route ?? function.Name);
}
