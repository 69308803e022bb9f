namespace Serverless.Functions;

/// <summary>Triggers a function from an HTTP request; the parameter it marks is ASP.NET Core's <c>HttpRequest</c>.</summary>
/// <remarks>
/// The route is relative to the <c>host.json</c> route prefix (<c>extensions:http:routePrefix</c>, default <c>api</c>);
/// without one it is the function's name. Route values bind to parameters of the same name. Functions above
/// <see cref="AuthorizationLevel.Anonymous"/> must say who may call them with <c>[Authorize(Roles = "...")]</c>
/// (or a bare <c>[Authorize]</c> for any valid key) on the method or class; start-up fails otherwise.
/// </remarks>
public sealed class HttpTriggerAttribute : TriggerBindingAttribute
{
    /// <summary>An HTTP trigger at <see cref="AuthorizationLevel.Function"/> for the given methods (all when none).</summary>
    public HttpTriggerAttribute(params string[] methods)
        : this(AuthorizationLevel.Function, methods)
    {
    }

    /// <summary>An HTTP trigger at the given level for the given methods (all when none).</summary>
    public HttpTriggerAttribute(AuthorizationLevel authLevel, params string[] methods)
    {
        AuthLevel = authLevel;
        Methods = methods;
    }

    /// <summary>Which callers are accepted.</summary>
    public AuthorizationLevel AuthLevel { get; }

    /// <summary>The HTTP methods (case-insensitive); empty means any.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The route template under the route prefix, e.g. <c>cases/{caseId}</c>; defaults to the function's name.</summary>
    public string? Route { get; set; }
}
