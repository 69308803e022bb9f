namespace Serverless.Functions.Hosting;

/// <summary>Finds the function app's root: the nearest folder at or above a start folder that holds <c>host.json</c>.</summary>
internal static class AppRoot
{
    public const string HostJson = "host.json";

    public static string? Find(params string?[] startFolders)
    {
        foreach (var start in startFolders)
        {
            if (start is not null && FindAbove(start, HostJson) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> that contains <paramref name="relativePath"/> (file or folder).</summary>
    public static string? FindAbove(string start, string relativePath)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate) || Directory.Exists(candidate))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
