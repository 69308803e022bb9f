using System.Reflection;
using Serverless.Durable;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Durable;

/// <summary>Binds <c>[ActivityTrigger] T input</c> (the call's input, deserialised) and a <see cref="TaskActivityContext"/> parameter.</summary>
internal sealed class ActivityTriggerBinder : ITriggerBinder
{
    public Type AttributeType => typeof(ActivityTriggerAttribute);

    public BindingResult BindTrigger(FunctionDefinition function, ParameterInfo parameter) =>
        parameter.ParameterType.IsByRef || parameter.ParameterType.IsPointer
            ? BindingResult.Fail("[ActivityTrigger] cannot bind a by-reference or pointer parameter.")
            : BindingResult.Ok(static c => ValueTask.FromResult(c.TriggerValue));

    public BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter) =>
        parameter.ParameterType == typeof(TaskActivityContext)
            ? BindingResult.Ok(static c => ValueTask.FromResult(c.Items.TryGetValue(typeof(TaskActivityContext), out var context) ? context : null))
            : (BindingResult?)null;
}
