using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace Serverless.Storage.Tables.Transactions;

/// <summary>Cuts the <c>multipart/mixed</c> answer to an entity-group transaction into one response per returned part.</summary>
/// <remarks>
/// On success there is one part per action, in order. On failure the service returns a single part for the failing action,
/// whose error message starts with the action's zero-based index (<c>"2:The specified entity already exists."</c>).
/// </remarks>
internal static class BatchResponseReader
{
    public static List<BatchItemResponse> Read(string? contentType, string body, string clientRequestId)
    {
        var boundary = Multipart.Boundary(contentType)
            ?? throw new InvalidOperationException($"The transaction response has no multipart boundary (Content-Type '{contentType}').");
        var items = new List<BatchItemResponse>();
        foreach (var part in Multipart.Parts(body, boundary))
        {
            ReadPart(part, items, clientRequestId);
        }

        return items;
    }

    /// <summary>The index at the start of a failed action's error message, if the service gave one.</summary>
    public static int? FailedIndex(Response failed)
    {
        try
        {
            using var doc = JsonDocument.Parse(failed.Content.ToMemory());
            if (doc.RootElement.TryGetProperty("odata.error", out var error)
                && error.TryGetProperty("message", out var message)
                && (message.ValueKind == JsonValueKind.Object ? message.GetProperty("value").GetString() : message.GetString()) is { } text)
            {
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                return colon > 0 && int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
            }
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // No readable body: the failure is still reported, only without an index.
        }

        return null;
    }

    private static void ReadPart(string part, List<BatchItemResponse> items, string clientRequestId)
    {
        var (headers, body) = Multipart.SplitHead(part);
        var contentType = Multipart.Header(headers, "Content-Type") ?? string.Empty;
        if (contentType.StartsWith("multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Multipart.Boundary(contentType) ?? throw new InvalidOperationException("A changeset response has no boundary.");
            foreach (var inner in Multipart.Parts(body, boundary))
            {
                ReadPart(inner, items, clientRequestId);
            }
        }
        else if (contentType.StartsWith("application/http", StringComparison.OrdinalIgnoreCase))
        {
            items.Add(ReadHttp(body, clientRequestId));
        }
    }

    private static BatchItemResponse ReadHttp(string http, string clientRequestId)
    {
        var (head, body) = Multipart.SplitHead(http);
        var statusLine = head[0].Split(' ', 3);
        if (statusLine.Length < 2 || !int.TryParse(statusLine[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
        {
            throw new InvalidOperationException($"A transaction response part has no status line: '{head[0]}'.");
        }

        var headers = new List<HttpHeader>();
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new HttpHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return new BatchItemResponse(status, statusLine.Length > 2 ? statusLine[2] : string.Empty, headers, System.Text.Encoding.UTF8.GetBytes(body.Trim()), clientRequestId);
    }
}
