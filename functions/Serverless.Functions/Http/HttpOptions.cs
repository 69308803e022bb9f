using System.ComponentModel.DataAnnotations;

namespace Serverless.Functions.Http;

/// <summary>HTTP settings from <c>host.json</c>'s <c>extensions:http</c> (configuration section <c>AzureFunctionsJobHost:extensions:http</c>).</summary>
public sealed class HttpOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "AzureFunctionsJobHost:extensions:http";

    /// <summary>The prefix of every HTTP function's route; empty for none. Default <c>api</c>.</summary>
    [RegularExpression("^[A-Za-z0-9_/-]*$")]
    public string RoutePrefix { get; set; } = "api";

    /// <summary>The largest request body a function accepts unless it says otherwise with <c>[RequestSizeLimit]</c>; default 30 MB.</summary>
    [Range(1, long.MaxValue)]
    public long MaxRequestBodySize { get; set; } = 30_000_000;
}
