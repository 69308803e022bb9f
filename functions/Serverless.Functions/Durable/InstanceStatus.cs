using System.Text.Json;
using Serverless.Durable;
using Serverless.Durable.Client;
using Serverless.Durable.History;

namespace Serverless.Functions.Durable;

/// <summary>An instance's status as the management API shows it, with Durable Functions' field names.</summary>
internal sealed record InstanceStatus(
    string Name,
    string InstanceId,
    string RuntimeStatus,
    JsonElement? Input,
    JsonElement? CustomStatus,
    JsonElement? Output,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastUpdatedTime,
    InstanceFailure? FailureDetails,
    IReadOnlyList<HistoryEvent>? HistoryEvents)
{
    public static InstanceStatus From(OrchestrationMetadata metadata, IReadOnlyList<HistoryEvent>? history = null) => new(
        metadata.Name,
        metadata.InstanceId,
        metadata.RuntimeStatus.ToString(),
        Json(metadata.SerializedInput),
        Json(metadata.SerializedCustomStatus),
        Json(metadata.SerializedOutput),
        metadata.CreatedAt,
        metadata.LastUpdatedAt,
        metadata.FailureDetails is { } failure ? new InstanceFailure(failure.ErrorType, failure.ErrorMessage) : null,
        history);

    private static JsonElement? Json(string? serialized)
    {
        if (serialized is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(serialized);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A custom converter may store non-JSON text; show it as a string rather than failing the status call.
            return JsonSerializer.SerializeToElement(serialized);
        }
    }
}

/// <summary>Why an instance failed.</summary>
internal sealed record InstanceFailure(string ErrorType, string ErrorMessage);
