using System.ComponentModel.DataAnnotations;

namespace Serverless.Functions.Keys;

/// <summary>Function key settings (configuration section <c>FunctionKeys</c>).</summary>
public sealed class FunctionKeysOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "FunctionKeys";

    /// <summary>The table holding hashed keys.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "FunctionKeys";

    /// <summary>How long a looked-up key (or its absence) is remembered; a revocation takes effect within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The roles keys may be created for; empty allows any well-formed role name.</summary>
    public IList<string> Roles { get; } = [];

    /// <summary>Keys given in configuration, by id, honoured only in the Development environment (e.g. the demo keys of <c>local.settings.json</c>).</summary>
    public IDictionary<string, DevelopmentKey> Development { get; } = new Dictionary<string, DevelopmentKey>(StringComparer.Ordinal);
}

/// <summary>A key given in configuration, for local development and demos.</summary>
public sealed class DevelopmentKey
{
    /// <summary>The key's text (at least 16 characters).</summary>
    [Required]
    [MinLength(16)]
    public string Key { get; set; } = string.Empty;

    /// <summary>The caller's role.</summary>
    [Required]
    public string Role { get; set; } = string.Empty;

    /// <summary>The caller's organisation id.</summary>
    public string Org { get; set; } = string.Empty;
}
