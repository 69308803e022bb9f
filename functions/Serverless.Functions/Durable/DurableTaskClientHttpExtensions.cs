using Microsoft.AspNetCore.Http;
using Serverless.Durable.Client;

namespace Serverless.Functions;

/// <summary>Durable Functions' HTTP helpers on <see cref="DurableTaskClient"/>, for ASP.NET Core requests.</summary>
public static class DurableTaskClientHttpExtensions
{
    /// <summary>The management API's path, the same as in Durable Functions.</summary>
    public const string ManagementPath = "/runtime/webhooks/durabletask";

    /// <summary>Answers 202 Accepted with <c>Location</c> set to the status URL and the <see cref="HttpManagementPayload"/> as the body.</summary>
    /// <param name="client">The client (unused beyond naming the hub; kept for the Durable Functions shape).</param>
    /// <param name="request">The request being answered: its scheme and host make the URLs absolute.</param>
    /// <param name="instanceId">The orchestration instance.</param>
    public static IResult CreateCheckStatusResponse(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        var payload = client.CreateHttpManagementPayload(request, instanceId);
        return Results.Accepted(payload.StatusQueryGetUri.ToString(), payload);
    }

    /// <summary>The management URLs of an instance, absolute on the request's scheme and host.</summary>
    public static HttpManagementPayload CreateHttpManagementPayload(this DurableTaskClient client, HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var instance = $"{request.Scheme}://{request.Host}{request.PathBase}{ManagementPath}/instances/{Uri.EscapeDataString(instanceId)}";
        return new HttpManagementPayload(
            instanceId,
            new Uri(instance),
            instance + "/raiseEvent/{eventName}",
            instance + "/terminate?reason={text}",
            new Uri(instance),
            instance + "/suspend?reason={text}",
            instance + "/resume?reason={text}");
    }
}
