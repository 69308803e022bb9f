using System.Globalization;
using Azure;
using Azure.Core;

namespace Serverless.Storage.Blobs;

/// <summary>Maps conditions, HTTP properties and metadata onto request headers, and response headers back.</summary>
internal static class BlobHeaders
{
    public const string MetadataPrefix = "x-ms-meta-";

    public static Dictionary<string, string> EmptyMetadata() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sets the ETag and date preconditions and, unless <paramref name="withLeaseId"/> is false, the lease id.</summary>
    public static void SetConditions(Request request, RequestConditions? conditions, bool withLeaseId = true)
    {
        if (conditions is null)
        {
            return;
        }

        if (conditions.IfMatch is { } ifMatch)
        {
            request.Headers.SetValue("If-Match", ifMatch.ToString("H"));
        }

        if (conditions.IfNoneMatch is { } ifNoneMatch)
        {
            request.Headers.SetValue("If-None-Match", ifNoneMatch.ToString("H"));
        }

        if (conditions.IfModifiedSince is { } modifiedSince)
        {
            request.Headers.SetValue("If-Modified-Since", modifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        if (conditions.IfUnmodifiedSince is { } unmodifiedSince)
        {
            request.Headers.SetValue("If-Unmodified-Since", unmodifiedSince.ToString("R", CultureInfo.InvariantCulture));
        }

        if (withLeaseId)
        {
            SetLeaseId(request, conditions);
        }
    }

    public static void SetLeaseId(Request request, RequestConditions? conditions)
    {
        if (conditions is BlobRequestConditions { LeaseId: { } leaseId })
        {
            request.Headers.SetValue("x-ms-lease-id", leaseId);
        }
    }

    /// <summary>Sets the <c>x-ms-blob-*</c> headers that Put Blob and Put Block List store as the blob's properties.</summary>
    public static void SetHttpHeaders(Request request, BlobHttpHeaders? headers)
    {
        if (headers is null)
        {
            return;
        }

        SetIfPresent(request, "x-ms-blob-content-type", headers.ContentType);
        SetIfPresent(request, "x-ms-blob-content-encoding", headers.ContentEncoding);
        SetIfPresent(request, "x-ms-blob-content-language", headers.ContentLanguage);
        SetIfPresent(request, "x-ms-blob-content-disposition", headers.ContentDisposition);
        SetIfPresent(request, "x-ms-blob-cache-control", headers.CacheControl);
        if (headers.ContentHash is { Length: > 0 } hash)
        {
            request.Headers.SetValue("x-ms-blob-content-md5", Convert.ToBase64String(hash));
        }
    }

    /// <summary>Sets one <c>x-ms-meta-</c> header per entry, after checking what Azure would reject less clearly.</summary>
    public static void SetMetadata(Request request, IDictionary<string, string>? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        foreach (var (name, value) in metadata)
        {
            MetadataRules.Validate(name, value);
            request.Headers.SetValue(MetadataPrefix + name, value);
        }
    }

    public static ETag ETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var value) ? new ETag(value) : default;

    public static DateTimeOffset Date(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? ParseDate(value) : default;

    public static DateTimeOffset ParseDate(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string? Text(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;

    public static long Long(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? long.Parse(value, CultureInfo.InvariantCulture) : 0;

    public static byte[]? Md5(Response response, string name = "Content-MD5") =>
        response.Headers.TryGetValue(name, out var value) && value.Length > 0 ? Convert.FromBase64String(value) : null;

    public static IDictionary<string, string> Metadata(Response response)
    {
        var metadata = EmptyMetadata();
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }

    private static void SetIfPresent(Request request, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            request.Headers.SetValue(name, value);
        }
    }
}
