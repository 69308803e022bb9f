using System.Globalization;
using Microsoft.AspNetCore.Http;
using Serverless.Durable;

namespace Serverless.Functions.Durable;

/// <summary>Reads the management API's query parameters; a malformed value is a 400 naming the parameter.</summary>
internal static class ManagementQuery
{
    public static DateTimeOffset? Time(HttpRequest request, string name)
    {
        string? value = request.Query[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new BadHttpRequestException($"Query parameter '{name}' is not a date and time.");
    }

    public static IReadOnlyList<OrchestrationRuntimeStatus>? Statuses(HttpRequest request)
    {
        var values = request.Query["runtimeStatus"].SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (values.Count == 0)
        {
            return null;
        }

        return values.Select(v => Enum.TryParse<OrchestrationRuntimeStatus>(v, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? status
            : throw new BadHttpRequestException($"'{v}' is not a runtime status.")).ToList();
    }

    public static int? Int(HttpRequest request, string name, int min, int max)
    {
        string? value = request.Query[name];
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new BadHttpRequestException($"Query parameter '{name}' must be a whole number from {min} to {max}.");
    }

    public static bool Flag(HttpRequest request, string name) =>
        bool.TryParse(request.Query[name], out var flag) && flag;
}
