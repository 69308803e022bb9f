using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Invocation;

/// <summary>Binds <see cref="FunctionContext"/>, <see cref="CancellationToken"/> and <see cref="ILogger"/> for every trigger.</summary>
internal sealed class CommonParameterBinder : IParameterBinder
{
    public BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter)
    {
        var type = parameter.ParameterType;
        if (type == typeof(FunctionContext))
        {
            return BindingResult.Ok(static c => ValueTask.FromResult<object?>(c));
        }

        if (type == typeof(CancellationToken))
        {
            return BindingResult.Ok(static c => ValueTask.FromResult<object?>(c.CancellationToken));
        }

        if (type == typeof(ILogger))
        {
            var category = $"Function.{function.Name}";
            return BindingResult.Ok(c => ValueTask.FromResult<object?>(
                c.InstanceServices.GetRequiredService<ILoggerFactory>().CreateLogger(category)));
        }

        return null;
    }
}
