namespace Serverless.Functions.Keys;

/// <summary>A stored function key: who it stands for, never the key itself.</summary>
/// <param name="KeyId">A short random id to name the key in lists and revocation.</param>
/// <param name="Role">The caller's role.</param>
/// <param name="OrganisationId">The organisation the caller acts for; empty for <c>admin</c>.</param>
/// <param name="Created">When the key was created.</param>
/// <param name="Revoked">When the key was revoked; <see langword="null"/> while it is valid.</param>
public sealed record FunctionKey(string KeyId, string Role, string OrganisationId, DateTimeOffset Created, DateTimeOffset? Revoked = null)
{
    /// <summary>Whether the key is still accepted.</summary>
    public bool IsActive => Revoked is null;
}
