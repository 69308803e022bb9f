using System.Text.Json;

namespace Serverless.Functions.Hosting;

/// <summary>Reads <c>local.settings.json</c>, creating it from <c>local.settings.sample.json</c> on first run.</summary>
/// <remarks>
/// <c>Values</c> become configuration keys (<c>__</c> read as <c>:</c>) and, where the environment does not already
/// have them, environment variables; <c>Host</c> and <c>ConnectionStrings</c> become those configuration sections.
/// The file is git-ignored: it may hold secrets.
/// </remarks>
internal static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleFileName = "local.settings.sample.json";

    /// <summary>Creates the file from the sample if it is missing; returns its path, or <see langword="null"/> when there is neither.</summary>
    public static string? EnsureCreated(string appRoot)
    {
        var path = Path.Combine(appRoot, FileName);
        var sample = Path.Combine(appRoot, SampleFileName);
        if (!File.Exists(path) && File.Exists(sample))
        {
            File.Copy(sample, path);
        }

        return File.Exists(path) ? path : null;
    }

    public static Dictionary<string, string?> Read(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        if (root.TryGetProperty("Values", out var settings))
        {
            foreach (var setting in settings.EnumerateObject())
            {
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] = setting.Value.ValueKind == JsonValueKind.String
                    ? setting.Value.GetString()
                    : setting.Value.GetRawText();
            }
        }

        foreach (var section in new[] { "Host", "ConnectionStrings" })
        {
            if (root.TryGetProperty(section, out var element))
            {
                HostJsonConfiguration.Flatten(element, section, values);
            }
        }

        return values;
    }

    /// <summary>Exports <c>Values</c> to the process environment without overriding variables already set.</summary>
    public static void ExportToEnvironment(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var settings))
        {
            return;
        }

        foreach (var setting in settings.EnumerateObject())
        {
            if (Environment.GetEnvironmentVariable(setting.Name) is null && setting.Value.ValueKind == JsonValueKind.String)
            {
                Environment.SetEnvironmentVariable(setting.Name, setting.Value.GetString());
            }
        }
    }
}
