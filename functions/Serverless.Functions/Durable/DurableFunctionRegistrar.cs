using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serverless.Durable;
using Serverless.Functions.Hosting;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Durable;

/// <summary>Registers every <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> function in the engine's registry under its function name.</summary>
/// <remarks>
/// Orchestrators run without the invocation pipeline (no scope, no per-run logging, no thread hops): they are
/// replayed many times and must finish on the engine's synchronisation context. Their classes are built from the
/// root services, so they should depend only on singletons. Activities run like any other function, each in its own scope.
/// </remarks>
internal sealed class DurableFunctionRegistrar(
    FunctionCatalog catalog,
    FunctionExecutor executor,
    FunctionHostLifetime lifetime,
    IServiceProvider services,
    IServiceScopeFactory scopes) : IConfigureOptions<DurableTaskRegistry>
{
    private static readonly MethodInfo AddActivityMethod =
        typeof(DurableFunctionRegistrar).GetMethod(nameof(AddActivity), BindingFlags.NonPublic | BindingFlags.Instance)!;

    public void Configure(DurableTaskRegistry registry)
    {
        foreach (var function in catalog.WithTrigger<OrchestrationTriggerAttribute>())
        {
            registry.AddOrchestrator<object?>(function.Name, Orchestrator(function));
        }

        foreach (var function in catalog.WithTrigger<ActivityTriggerAttribute>())
        {
            var inputType = function.Definition.Method.GetParameters()
                .Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;
            AddActivityMethod.MakeGenericMethod(inputType).Invoke(this, [registry, function]);
        }
    }

    private Func<TaskOrchestrationContext, Task<object?>> Orchestrator(FunctionDescriptor function)
    {
        var result = ReturnValue.For(function.Definition.Method.ReturnType, onCapturedContext: true);
        return async orchestration =>
        {
            var context = new DefaultFunctionContext(function.Definition, services, CancellationToken.None) { TriggerValue = orchestration };
            var arguments = new object?[function.Bindings.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = await function.Bindings[i](context);
            }

            var instance = function.Factory?.Invoke(services, null);
            return await result.AwaitAsync(function.Invoker.Invoke(instance, arguments.AsSpan()));
        };
    }

    private void AddActivity<TInput>(DurableTaskRegistry registry, FunctionDescriptor function) =>
        registry.AddActivity<TInput, object?>(function.Name, async (activity, input) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = new DefaultFunctionContext(function.Definition, scope.ServiceProvider, lifetime.GracePeriodExpired) { TriggerValue = input };
            context.Items[typeof(TaskActivityContext)] = activity;
            return await executor.ExecuteAsync(function, context);
        });
}
