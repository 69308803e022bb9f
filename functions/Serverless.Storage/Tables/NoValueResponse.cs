using Azure;

namespace Serverless.Storage.Tables;

/// <summary>The answer of an <c>IfExists</c> read that found nothing: no value, just the raw 404.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException($"The entity does not exist (status {response.Status}); check HasValue first.");

    public override Response GetRawResponse() => response;
}
