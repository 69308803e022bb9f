using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Durable.Client;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Durable;

/// <summary>Binds <c>[DurableClient] DurableTaskClient</c> in any function.</summary>
internal sealed class DurableClientBinder : IParameterBinder
{
    public BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<DurableClientAttribute>() is null)
        {
            return null;
        }

        return parameter.ParameterType == typeof(DurableTaskClient)
            ? BindingResult.Ok(static c => ValueTask.FromResult<object?>(c.InstanceServices.GetRequiredService<DurableTaskClient>()))
            : BindingResult.Fail($"[DurableClient] binds to DurableTaskClient, not {parameter.ParameterType.Name}.");
    }
}
