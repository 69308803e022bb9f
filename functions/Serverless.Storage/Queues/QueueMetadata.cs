using Azure;
using Azure.Core;

namespace Serverless.Storage.Queues;

/// <summary>Queue metadata travels as <c>x-ms-meta-{name}</c> headers, both ways.</summary>
internal static class QueueMetadata
{
    private const string Prefix = "x-ms-meta-";

    public static void Write(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            request.Headers.SetValue(Prefix + name, value);
        }
    }

    public static Dictionary<string, string> Read(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[Prefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }
}
