using System.Text.Json;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace Serverless.Storage.Core;

/// <summary>
/// Reads the storage error code and message from a failed response: the <c>x-ms-error-code</c> header,
/// the XML <c>&lt;Error&gt;</c> body of blobs and queues, or the OData JSON error body of tables.
/// </summary>
internal sealed class StorageErrorParser : RequestFailedDetailsParser
{
    public static readonly StorageErrorParser Instance = new();

    public override bool TryParse(Response response, out ResponseError? error, out IDictionary<string, string>? data)
    {
        data = null;
        response.Headers.TryGetValue("x-ms-error-code", out var code);
        string? message = null;
        try
        {
            var body = response.Content?.ToString();
            if (!string.IsNullOrWhiteSpace(body))
            {
                var trimmed = body.TrimStart();
                if (trimmed.StartsWith('<'))
                {
                    var root = XDocument.Parse(trimmed).Root;
                    code ??= root?.Element("Code")?.Value;
                    message = root?.Element("Message")?.Value;
                }
                else if (trimmed.StartsWith('{'))
                {
                    using var doc = JsonDocument.Parse(trimmed);
                    if (doc.RootElement.TryGetProperty("odata.error", out var e) || doc.RootElement.TryGetProperty("error", out e))
                    {
                        if (e.TryGetProperty("code", out var c))
                        {
                            code ??= c.GetString();
                        }

                        if (e.TryGetProperty("message", out var m))
                        {
                            message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ToString();
                        }
                    }
                }
            }
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or JsonException or InvalidOperationException)
        {
            // A body we cannot read still leaves the status and the header code, which is what callers branch on.
        }

        error = code is null && message is null ? null : new ResponseError(code, message ?? code);
        return error is not null;
    }
}
