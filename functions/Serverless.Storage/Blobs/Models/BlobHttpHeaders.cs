namespace Serverless.Storage.Blobs;

/// <summary>Standard HTTP properties stored with a blob and returned when it is read.</summary>
public class BlobHttpHeaders
{
    /// <summary>The MIME type, returned as <c>Content-Type</c> on download.</summary>
    public string? ContentType { get; set; }

    /// <summary>The MD5 hash of the whole blob, stored as <c>Content-MD5</c>; not checked on a block upload.</summary>
    public byte[]? ContentHash { get; set; }

    /// <summary>The content encodings applied, e.g. <c>gzip</c>.</summary>
    public string? ContentEncoding { get; set; }

    /// <summary>The natural language of the content.</summary>
    public string? ContentLanguage { get; set; }

    /// <summary>The <c>Content-Disposition</c> returned on download, e.g. <c>attachment; filename="a.pdf"</c>.</summary>
    public string? ContentDisposition { get; set; }

    /// <summary>The <c>Cache-Control</c> returned on download.</summary>
    public string? CacheControl { get; set; }
}
