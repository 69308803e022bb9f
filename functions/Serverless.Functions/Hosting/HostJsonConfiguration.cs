using System.Text.Json;

namespace Serverless.Functions.Hosting;

/// <summary>Reads <c>host.json</c> into configuration, as the Functions host does.</summary>
/// <remarks>
/// Every setting appears under <c>AzureFunctionsJobHost:</c> (so <c>AzureFunctionsJobHost__extensions__http__routePrefix</c>
/// in the environment overrides it, as in Azure), and <c>logging:logLevel</c> also becomes ASP.NET Core's <c>Logging:LogLevel</c>.
/// </remarks>
internal static class HostJsonConfiguration
{
    public const string Prefix = "AzureFunctionsJobHost";

    public static Dictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Flatten(document.RootElement, Prefix, values);
        if (document.RootElement.TryGetProperty("logging", out var logging) && logging.TryGetProperty("logLevel", out var levels))
        {
            foreach (var level in levels.EnumerateObject())
            {
                values[$"Logging:LogLevel:{(level.Name == "default" ? "Default" : level.Name)}"] = level.Value.ToString();
            }
        }

        return values;
    }

    internal static void Flatten(JsonElement element, string path, IDictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{path}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{path}:{i++}", values);
                }

                break;
            case JsonValueKind.Null:
                values[path] = null;
                break;
            default:
                values[path] = element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();
                break;
        }
    }
}
