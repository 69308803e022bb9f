using System.Security.Claims;

namespace Serverless.Functions;

/// <summary>The claim types on the principal of a caller authenticated with a function key.</summary>
/// <remarks>
/// The role uses the standard <see cref="ClaimTypes.Role"/>, so <c>User.IsInRole("verifier")</c> and
/// <c>[Authorize(Roles = "verifier")]</c> work as usual.
/// </remarks>
public static class FunctionClaimTypes
{
    /// <summary>The caller's role.</summary>
    public const string Role = ClaimTypes.Role;

    /// <summary>The organisation the caller acts for (CSC id, PoE office, centre id, insurer id).</summary>
    public const string OrganisationId = "org";

    /// <summary>The id of the function key used.</summary>
    public const string KeyId = "key_id";

    /// <summary>The authentication type of principals made from function keys.</summary>
    public const string AuthenticationType = "FunctionKey";
}
