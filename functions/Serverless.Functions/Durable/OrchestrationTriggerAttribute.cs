namespace Serverless.Functions;

/// <summary>Makes a function an orchestrator: the parameter it marks is the engine's <c>TaskOrchestrationContext</c>.</summary>
/// <remarks>
/// The function is registered in the durable engine under its function name. Orchestrators are replayed: they must be
/// deterministic (no clock, random numbers or I/O except through the context).
/// </remarks>
public sealed class OrchestrationTriggerAttribute : TriggerBindingAttribute
{
}
