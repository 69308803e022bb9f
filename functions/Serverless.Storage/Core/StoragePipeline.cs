using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Serverless.Storage.Core;

/// <summary>One service's HTTP pipeline: signing, API version, retries, and errors as <see cref="RequestFailedException"/>.</summary>
internal sealed class StoragePipeline
{
    private readonly HttpPipeline _pipeline;
    private readonly string _version;

    public StoragePipeline(StorageService service, StorageSharedKeyCredential credential, StorageClientOptions? options)
    {
        Service = service;
        Credential = credential;
        _version = service == StorageService.Table ? "2019-02-02" : "2021-12-02";
        _pipeline = HttpPipelineBuilder.Build(
            options ?? new StorageClientOptions(),
            perCallPolicies: [],
            perRetryPolicies: [BackgroundTrafficPolicy.Instance, new SharedKeyAuthenticationPolicy(credential, service)],
            new ResponseClassifier());
    }

    public StorageService Service { get; }

    public StorageSharedKeyCredential Credential { get; }

    public HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(uri);
        message.Request.Headers.SetValue("x-ms-version", _version);
        return message;
    }

    /// <summary>Sends and throws <see cref="RequestFailedException"/> (status + storage error code) on any error status.</summary>
    public async ValueTask<Response> SendAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.IsError)
        {
            throw new RequestFailedException(response, null, StorageErrorParser.Instance);
        }

        return response;
    }

    /// <summary>Sends and returns the response even on error statuses, for callers that branch on 404 or 409.</summary>
    public async ValueTask<Response> SendRawAsync(HttpMessage message, CancellationToken cancellationToken)
    {
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    public static RequestFailedException Failure(Response response) =>
        new(response, null, StorageErrorParser.Instance);
}
