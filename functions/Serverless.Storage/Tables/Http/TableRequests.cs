using Azure;
using Azure.Core;
using Serverless.Storage.Core;

namespace Serverless.Storage.Tables.Http;

/// <summary>The headers every table request carries, and the JSON body and condition helpers.</summary>
internal static class TableRequests
{
    /// <summary>Responses carry <c>odata.etag</c> and the type annotations JSON cannot imply (Int64, DateTime, Guid, Binary).</summary>
    public const string AcceptJson = "application/json;odata=minimalmetadata";

    public const string ContentTypeJson = "application/json";

    public static HttpMessage Create(StoragePipeline pipeline, RequestMethod method, Uri uri)
    {
        var message = pipeline.CreateMessage(method, uri);
        var headers = message.Request.Headers;
        headers.SetValue("Accept", AcceptJson);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        return message;
    }

    public static void SetJsonBody(HttpMessage message, ReadOnlyMemory<byte> json)
    {
        message.Request.Headers.SetValue("Content-Type", ContentTypeJson);
        message.Request.Content = RequestContent.Create(json);
    }

    /// <summary>Asks the service not to echo the entity back: a 204 with the ETag header is all a write needs.</summary>
    public static void PreferNoContent(HttpMessage message) => message.Request.Headers.SetValue("Prefer", "return-no-content");

    /// <summary>Sets <c>If-Match</c>; <paramref name="ifMatch"/> may be <see cref="ETag.All"/> for an unconditional write.</summary>
    public static void SetIfMatch(HttpMessage message, ETag ifMatch) => message.Request.Headers.SetValue("If-Match", ifMatch.ToString("G"));

    /// <summary>The verb of an update: PUT replaces the entity, PATCH (the SDK's spelling of MERGE) merges into it.</summary>
    public static RequestMethod UpdateMethod(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Replace => RequestMethod.Put,
        TableUpdateMode.Merge => RequestMethod.Patch,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
    };
}
