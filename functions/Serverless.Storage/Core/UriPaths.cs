namespace Serverless.Storage.Core;

/// <summary>Builds resource URIs under a service endpoint, escaping each segment once.</summary>
internal static class UriPaths
{
    /// <summary>Appends escaped path segments to an endpoint; a blob name's own '/' separators are kept.</summary>
    /// <remarks>Built as a string, not with <see cref="UriBuilder"/>, whose path setter would escape the escapes again.</remarks>
    public static Uri Append(Uri endpoint, params string[] segments)
    {
        var path = endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');
        foreach (var segment in segments)
        {
            path += "/" + string.Join('/', segment.Split('/').Select(Uri.EscapeDataString));
        }

        return new Uri(path);
    }
}
