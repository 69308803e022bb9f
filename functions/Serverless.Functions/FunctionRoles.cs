namespace Serverless.Functions;

/// <summary>Role names the host itself relies on; every other role is the app's own plain string.</summary>
public static class FunctionRoles
{
    /// <summary>The role of keys accepted by <see cref="AuthorizationLevel.Admin"/> functions and the durable management API.</summary>
    public const string Admin = "admin";
}
