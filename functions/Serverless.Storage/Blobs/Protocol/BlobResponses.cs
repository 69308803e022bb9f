using System.Globalization;
using Azure;

namespace Serverless.Storage.Blobs;

/// <summary>Builds the result models from response headers.</summary>
internal static class BlobResponses
{
    public static BlobProperties Properties(Response response) => new()
    {
        LastModified = BlobHeaders.Date(response, "Last-Modified"),
        CreatedOn = BlobHeaders.Date(response, "x-ms-creation-time"),
        Metadata = BlobHeaders.Metadata(response),
        BlobType = BlobWireValues.BlobType(BlobHeaders.Text(response, "x-ms-blob-type")),
        LeaseDuration = BlobWireValues.LeaseDuration(BlobHeaders.Text(response, "x-ms-lease-duration")),
        LeaseState = BlobWireValues.LeaseState(BlobHeaders.Text(response, "x-ms-lease-state")),
        LeaseStatus = BlobWireValues.LeaseStatus(BlobHeaders.Text(response, "x-ms-lease-status")),
        ContentLength = BlobHeaders.Long(response, "Content-Length"),
        ContentType = BlobHeaders.Text(response, "Content-Type"),
        ETag = BlobHeaders.ETag(response),
        ContentHash = BlobHeaders.Md5(response),
        ContentEncoding = BlobHeaders.Text(response, "Content-Encoding"),
        ContentDisposition = BlobHeaders.Text(response, "Content-Disposition"),
        ContentLanguage = BlobHeaders.Text(response, "Content-Language"),
        CacheControl = BlobHeaders.Text(response, "Cache-Control"),
    };

    public static BlobDownloadDetails DownloadDetails(Response response) => new()
    {
        BlobType = BlobWireValues.BlobType(BlobHeaders.Text(response, "x-ms-blob-type")),
        ContentLength = BlobHeaders.Long(response, "Content-Length"),
        ContentType = BlobHeaders.Text(response, "Content-Type"),
        // A ranged read's Content-MD5 is of the range; the whole blob's stored hash comes as x-ms-blob-content-md5.
        ContentHash = BlobHeaders.Md5(response, "x-ms-blob-content-md5") ?? (response.Status == 200 ? BlobHeaders.Md5(response) : null),
        LastModified = BlobHeaders.Date(response, "Last-Modified"),
        CreatedOn = BlobHeaders.Date(response, "x-ms-creation-time"),
        Metadata = BlobHeaders.Metadata(response),
        ContentRange = BlobHeaders.Text(response, "Content-Range"),
        ETag = BlobHeaders.ETag(response),
        ContentEncoding = BlobHeaders.Text(response, "Content-Encoding"),
        CacheControl = BlobHeaders.Text(response, "Cache-Control"),
        ContentDisposition = BlobHeaders.Text(response, "Content-Disposition"),
        ContentLanguage = BlobHeaders.Text(response, "Content-Language"),
        LeaseDuration = BlobWireValues.LeaseDuration(BlobHeaders.Text(response, "x-ms-lease-duration")),
        LeaseState = BlobWireValues.LeaseState(BlobHeaders.Text(response, "x-ms-lease-state")),
        LeaseStatus = BlobWireValues.LeaseStatus(BlobHeaders.Text(response, "x-ms-lease-status")),
    };

    public static BlobContentInfo ContentInfo(Response response) => new()
    {
        ETag = BlobHeaders.ETag(response),
        LastModified = BlobHeaders.Date(response, "Last-Modified"),
        ContentHash = BlobHeaders.Md5(response),
        VersionId = BlobHeaders.Text(response, "x-ms-version-id"),
    };

    public static BlobContainerInfo ContainerInfo(Response response) => new()
    {
        ETag = BlobHeaders.ETag(response),
        LastModified = BlobHeaders.Date(response, "Last-Modified"),
    };

    public static BlobContainerProperties ContainerProperties(Response response) => new()
    {
        LastModified = BlobHeaders.Date(response, "Last-Modified"),
        ETag = BlobHeaders.ETag(response),
        LeaseStatus = BlobWireValues.LeaseStatus(BlobHeaders.Text(response, "x-ms-lease-status")),
        LeaseState = BlobWireValues.LeaseState(BlobHeaders.Text(response, "x-ms-lease-state")),
        LeaseDuration = BlobWireValues.LeaseDuration(BlobHeaders.Text(response, "x-ms-lease-duration")),
        PublicAccess = BlobWireValues.PublicAccess(BlobHeaders.Text(response, "x-ms-blob-public-access")),
        Metadata = BlobHeaders.Metadata(response),
    };

    public static BlobLease Lease(Response response) => new()
    {
        ETag = BlobHeaders.ETag(response),
        LastModified = BlobHeaders.Date(response, "Last-Modified"),
        LeaseId = BlobHeaders.Text(response, "x-ms-lease-id"),
        LeaseTime = BlobHeaders.Text(response, "x-ms-lease-time") is { } time ? int.Parse(time, CultureInfo.InvariantCulture) : null,
    };

    /// <summary>Throws unless the status is one the operation defines; 304 from a GET with conditions is not success.</summary>
    public static Response Expect(Response response, int status, int alternative = -1) =>
        response.Status == status || response.Status == alternative ? response : throw Core.StoragePipeline.Failure(response);
}
