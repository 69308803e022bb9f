using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Serverless.Durable;
using Serverless.Durable.Backend;
using Serverless.Durable.Client;

namespace Serverless.Functions.Durable;

/// <summary>
/// The Durable HTTP management API under <c>/runtime/webhooks/durabletask/instances</c>: status (with history on
/// request), list with filters and continuation, raise event, terminate, suspend, resume and purge. Admin keys only.
/// </summary>
/// <remarks>
/// Status answers 200 once an instance has ended (completed, failed, terminated) and 202 while it has not, with the
/// status as the body either way; unknown instances are 404 and acting on an ended one is 410, as problem details.
/// </remarks>
internal static class DurableManagementEndpoints
{
    private const string ContinuationHeader = "x-ms-continuation-token";

    public static void MapDurableManagementApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(DurableTaskClientHttpExtensions.ManagementPath + "/instances")
            .RequireAuthorization(new AuthorizeAttribute { Roles = FunctionRoles.Admin })
            .WithTags("Durable management");

        api.MapGet("/{instanceId}", GetStatusAsync).WithName("durable-get-status");
        api.MapGet("/", ListAsync).WithName("durable-list-instances");
        api.MapPost("/{instanceId}/raiseEvent/{eventName}", RaiseEventAsync).WithName("durable-raise-event");
        api.MapPost("/{instanceId}/terminate", (string instanceId, string? reason, DurableTaskClient client, CancellationToken ct) =>
            ActOnRunningAsync(client, instanceId, ct, () => client.TerminateInstanceAsync(instanceId, reason, ct))).WithName("durable-terminate");
        api.MapPost("/{instanceId}/suspend", (string instanceId, string? reason, DurableTaskClient client, CancellationToken ct) =>
            ActOnRunningAsync(client, instanceId, ct, () => client.SuspendInstanceAsync(instanceId, reason, ct))).WithName("durable-suspend");
        api.MapPost("/{instanceId}/resume", (string instanceId, string? reason, DurableTaskClient client, CancellationToken ct) =>
            ActOnRunningAsync(client, instanceId, ct, () => client.ResumeInstanceAsync(instanceId, reason, ct))).WithName("durable-resume");
        api.MapDelete("/{instanceId}", PurgeAsync).WithName("durable-purge");
        api.MapDelete("/", PurgeManyAsync).WithName("durable-purge-many");
    }

    private static async Task<IResult> GetStatusAsync(string instanceId, HttpRequest request, DurableTaskClient client, IOrchestrationBackend backend, CancellationToken ct)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: !request.Query.ContainsKey("showInput") || ManagementQuery.Flag(request, "showInput"), ct);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        var history = ManagementQuery.Flag(request, "showHistory") ? await backend.GetHistoryAsync(instanceId, ct) : null;
        var status = InstanceStatus.From(metadata, history);
        return metadata.IsCompleted ? Results.Ok(status) : Results.Accepted(value: status);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, HttpResponse response, DurableTaskClient client, CancellationToken ct)
    {
        var query = new OrchestrationQuery
        {
            CreatedFrom = ManagementQuery.Time(request, "createdTimeFrom"),
            CreatedTo = ManagementQuery.Time(request, "createdTimeTo"),
            Statuses = ManagementQuery.Statuses(request),
            InstanceIdPrefix = request.Query["instanceIdPrefix"].FirstOrDefault(),
            PageSize = ManagementQuery.Int(request, "top", 1, 1000) ?? 100,
            FetchInputsAndOutputs = ManagementQuery.Flag(request, "showInput"),
        };
        string? token = request.Headers[ContinuationHeader];
        await foreach (var page in client.GetAllInstancesAsync(query).AsPages(string.IsNullOrEmpty(token) ? null : token, query.PageSize, ct))
        {
            if (page.ContinuationToken is { } next)
            {
                response.Headers[ContinuationHeader] = next;
            }

            return Results.Ok(page.Values.Select(m => InstanceStatus.From(m)).ToList());
        }

        return Results.Ok(Array.Empty<InstanceStatus>());
    }

    private static async Task<IResult> RaiseEventAsync(string instanceId, string eventName, HttpRequest request, DurableTaskClient client, CancellationToken ct)
    {
        JsonElement? payload = null;
        if (request.ContentLength is not 0 && request.HasJsonContentType())
        {
            try
            {
                payload = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
            }
            catch (JsonException)
            {
                throw new BadHttpRequestException("The event payload is not valid JSON.");
            }
        }

        return await ActOnRunningAsync(client, instanceId, ct, () => client.RaiseEventAsync(instanceId, eventName, payload, ct));
    }

    private static async Task<IResult> ActOnRunningAsync(DurableTaskClient client, string instanceId, CancellationToken ct, Func<Task> act)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, ct);
        if (metadata is null)
        {
            return NotFound(instanceId);
        }

        if (metadata.IsCompleted)
        {
            return Results.Problem(statusCode: StatusCodes.Status410Gone, title: "Instance has ended", detail: $"Instance '{instanceId}' is {metadata.RuntimeStatus}.");
        }

        await act();
        return Results.Accepted();
    }

    private static async Task<IResult> PurgeAsync(string instanceId, DurableTaskClient client, CancellationToken ct)
    {
        var result = await client.PurgeInstanceAsync(instanceId, ct);
        return result.PurgedInstanceCount == 0 ? NotFound(instanceId) : Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    private static async Task<IResult> PurgeManyAsync(HttpRequest request, DurableTaskClient client, CancellationToken ct)
    {
        var filter = new PurgeInstancesFilter(ManagementQuery.Time(request, "createdTimeFrom"), ManagementQuery.Time(request, "createdTimeTo"), ManagementQuery.Statuses(request));
        var result = await client.PurgeAllInstancesAsync(filter, ct);
        return result.PurgedInstanceCount == 0
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to purge", detail: "No instance matched the filter.")
            : Results.Ok(new { instancesDeleted = result.PurgedInstanceCount });
    }

    private static IResult NotFound(string instanceId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Instance not found", detail: $"No instance has id '{instanceId}'.");
}
