using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Storage.Core;

/// <summary>Signs every attempt of a request with Shared Key, per the Azure Storage REST reference.</summary>
/// <remarks>
/// Runs per retry, because each attempt carries a fresh <c>x-ms-date</c> and the signature covers it.
/// Blobs and queues use the full canonical form (standard headers, <c>x-ms-*</c> headers, every query parameter);
/// tables use the shorter table form (content type, date, resource and only the <c>comp</c> parameter).
/// </remarks>
internal sealed class SharedKeyAuthenticationPolicy(StorageSharedKeyCredential credential, StorageService service)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var stringToSign = service == StorageService.Table
            ? BuildTableStringToSign(request, date)
            : BuildStringToSign(request);
        var signature = credential.ComputeHmacSha256(stringToSign);
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{signature}");
    }

    internal string BuildStringToSign(Request request)
    {
        var contentLength = request.Content is { } content && content.TryComputeLength(out var length) && length != 0
            ? length.ToString(CultureInfo.InvariantCulture)
            : string.Empty;
        var sb = new StringBuilder(256);
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-Encoding")).Append('\n');
        sb.Append(Header(request, "Content-Language")).Append('\n');
        sb.Append(contentLength).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append('\n'); // Date: x-ms-date is used instead.
        sb.Append(Header(request, "If-Modified-Since")).Append('\n');
        sb.Append(Header(request, "If-Match")).Append('\n');
        sb.Append(Header(request, "If-None-Match")).Append('\n');
        sb.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        sb.Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(sb, request);
        AppendCanonicalizedResource(sb, request.Uri.ToUri());
        return sb.ToString();
    }

    internal string BuildTableStringToSign(Request request, string date)
    {
        var uri = request.Uri.ToUri();
        var sb = new StringBuilder(128);
        sb.Append(request.Method.Method).Append('\n');
        sb.Append(Header(request, "Content-MD5")).Append('\n');
        sb.Append(Header(request, "Content-Type")).Append('\n');
        sb.Append(date).Append('\n');
        sb.Append('/').Append(credential.AccountName).Append(uri.AbsolutePath);
        foreach (var (name, value) in ParseQuery(uri.Query))
        {
            if (name == "comp")
            {
                sb.Append("?comp=").Append(value);
            }
        }

        return sb.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static void AppendCanonicalizedHeaders(StringBuilder sb, Request request)
    {
        var headers = new List<(string Name, string Value)>();
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                headers.Add((header.Name.ToLowerInvariant(), header.Value.Trim()));
            }
        }

        headers.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, value) in headers)
        {
            sb.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private void AppendCanonicalizedResource(StringBuilder sb, Uri uri)
    {
        // The path is signed as it travels: percent-encoded, so names with spaces or non-ASCII characters verify.
        sb.Append('/').Append(credential.AccountName).Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var query = ParseQuery(uri.Query);
        if (query.Count == 0)
        {
            return;
        }

        // Sorted by name then value, so repeated names are adjacent and their values already in order.
        query.Sort((a, b) => a.Name == b.Name ? string.CompareOrdinal(a.Value, b.Value) : string.CompareOrdinal(a.Name, b.Name));
        for (var i = 0; i < query.Count; i++)
        {
            var (name, value) = query[i];
            if (i > 0 && query[i - 1].Name == name)
            {
                sb.Append(',').Append(value);
            }
            else
            {
                sb.Append('\n').Append(name).Append(':').Append(value);
            }
        }
    }

    private static List<(string Name, string Value)> ParseQuery(string query)
    {
        var result = new List<(string, string)>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]).ToLowerInvariant();
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            result.Add((name, value));
        }

        return result;
    }
}
