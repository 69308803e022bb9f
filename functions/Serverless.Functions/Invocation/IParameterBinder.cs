using System.Reflection;

namespace Serverless.Functions.Invocation;

/// <summary>Binds parameters that any function may declare (<see cref="FunctionContext"/>, <see cref="CancellationToken"/>, clients, …).</summary>
internal interface IParameterBinder
{
    /// <summary>The binding of the parameter, or <see langword="null"/> when it is not this binder's.</summary>
    BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter);
}
