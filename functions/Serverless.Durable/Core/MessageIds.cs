namespace Serverless.Durable.Core;

/// <summary>The stable ids of the messages the engine sends: redeliveries and re-sends of one logical message share an id.</summary>
internal static class MessageIds
{
    /// <summary>The id of an activity call, also given to the activity as <see cref="TaskActivityContext.ActivityId"/>.</summary>
    public static string Activity(string instanceId, string executionId, int eventId) => $"{instanceId}:{executionId}:{eventId}";

    public static string ActivityResult(string activityId) => $"{activityId}:result";

    public static string Timer(string instanceId, string executionId, int eventId) => $"{instanceId}:{executionId}:{eventId}:timer";

    public static string SubOrchestrationStart(string instanceId, string executionId, int eventId) => $"{instanceId}:{executionId}:{eventId}:start";

    public static string ExecutionOutcome(string instanceId, string executionId) => $"{instanceId}:{executionId}:outcome";

    public static string ContinueAsNew(string instanceId, string newExecutionId) => $"{instanceId}:{newExecutionId}:start";

    public static string CarriedEvent(string instanceId, string newExecutionId, int index) => $"{instanceId}:{newExecutionId}:carried:{index}";
}
