using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>Optional parameters of a blob download.</summary>
public class BlobDownloadOptions
{
    /// <summary>The byte range to read; the default reads the whole blob.</summary>
    public HttpRange Range { get; set; }

    /// <summary>Preconditions, e.g. <c>IfMatch</c> to read only the version whose ETag you hold.</summary>
    public BlobRequestConditions? Conditions { get; set; }
}
