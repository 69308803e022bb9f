using System.Reflection;
using Serverless.Durable;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Durable;

/// <summary>Binds <c>[OrchestrationTrigger] TaskOrchestrationContext</c>.</summary>
internal sealed class OrchestrationTriggerBinder : ITriggerBinder
{
    public Type AttributeType => typeof(OrchestrationTriggerAttribute);

    public BindingResult BindTrigger(FunctionDefinition function, ParameterInfo parameter) =>
        parameter.ParameterType == typeof(TaskOrchestrationContext)
            ? BindingResult.Ok(static c => ValueTask.FromResult(c.TriggerValue))
            : BindingResult.Fail($"[OrchestrationTrigger] binds to TaskOrchestrationContext, not {parameter.ParameterType.Name}.");

    public BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter) =>
        parameter.ParameterType == typeof(CancellationToken) || parameter.GetCustomAttribute<DurableClientAttribute>() is not null
            ? BindingResult.Fail("orchestrators are replayed and may only use their TaskOrchestrationContext (and FunctionContext); no cancellation token or client.")
            : (BindingResult?)null;
}
