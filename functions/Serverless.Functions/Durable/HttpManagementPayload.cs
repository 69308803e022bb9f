namespace Serverless.Functions;

/// <summary>The management URLs of one orchestration instance, as Durable Functions returns them from <c>CreateCheckStatusResponse</c>.</summary>
/// <param name="Id">The instance id.</param>
/// <param name="StatusQueryGetUri">GET: the instance's status (add <c>?showHistory=true</c> for its history).</param>
/// <param name="SendEventPostUri">POST: raise an event; replace <c>{eventName}</c>.</param>
/// <param name="TerminatePostUri">POST: terminate; replace <c>{text}</c> with a reason.</param>
/// <param name="PurgeHistoryDeleteUri">DELETE: purge the instance's state and history.</param>
/// <param name="SuspendPostUri">POST: suspend; replace <c>{text}</c> with a reason.</param>
/// <param name="ResumePostUri">POST: resume; replace <c>{text}</c> with a reason.</param>
/// <remarks>Every URL needs an <c>admin</c> function key; unlike in Azure, none is embedded, because the caller that started the instance is usually not an admin.</remarks>
public sealed record HttpManagementPayload(
    string Id,
    Uri StatusQueryGetUri,
    string SendEventPostUri,
    string TerminatePostUri,
    Uri PurgeHistoryDeleteUri,
    string SuspendPostUri,
    string ResumePostUri);
