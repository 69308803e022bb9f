namespace Serverless.Functions;

/// <summary>Which callers an HTTP function accepts, as in Azure Functions (same numeric values).</summary>
public enum AuthorizationLevel
{
    /// <summary>No key needed.</summary>
    Anonymous = 0,

    /// <summary>A valid function key (<c>x-functions-key</c> header or <c>code</c> query parameter) whose role the
    /// function allows through <c>[Authorize(Roles = "...")]</c>.</summary>
    Function = 2,

    /// <summary>A valid function key of the <c>admin</c> role.</summary>
    Admin = 4,
}
