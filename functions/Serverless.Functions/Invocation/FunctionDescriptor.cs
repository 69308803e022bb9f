using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Serverless.Functions.Invocation;

/// <summary>A discovered function ready to run: how to build its instance and each argument, and how to call it.</summary>
internal sealed class FunctionDescriptor
{
    public FunctionDescriptor(FunctionDefinition definition, IReadOnlyList<ParameterBinding> bindings)
    {
        Definition = definition;
        Bindings = bindings;
        var method = definition.Method;
        Factory = method.IsStatic ? null : ActivatorUtilities.CreateFactory(method.DeclaringType!, Type.EmptyTypes);
        Invoker = MethodInvoker.Create(method);
        Result = ReturnValue.For(method.ReturnType);
    }

    public FunctionDefinition Definition { get; }

    public string Name => Definition.Name;

    public IReadOnlyList<ParameterBinding> Bindings { get; }

    /// <summary>Builds the declaring class through DI; <see langword="null"/> for static methods.</summary>
    public ObjectFactory? Factory { get; }

    public MethodInvoker Invoker { get; }

    public ReturnValue Result { get; }

    public T? GetAttribute<T>()
        where T : Attribute =>
        Definition.Method.GetCustomAttribute<T>() ?? Definition.Method.DeclaringType!.GetCustomAttribute<T>();
}
