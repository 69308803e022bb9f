using System.Reflection;
using System.Text;

namespace Serverless.Functions.Invocation;

/// <summary>Finds every <see cref="FunctionAttribute"/> method in the app's assemblies and works out how to bind each parameter.</summary>
/// <remarks>Every problem is collected, then start-up fails once with all of them, each naming its method.</remarks>
internal sealed class FunctionIndexer(IEnumerable<ITriggerBinder> triggers, IEnumerable<IParameterBinder> parameters)
{
    private readonly Dictionary<Type, ITriggerBinder> _triggers = triggers.ToDictionary(t => t.AttributeType);
    private readonly IParameterBinder[] _parameters = parameters.ToArray();

    public IReadOnlyList<FunctionDescriptor> Index(IEnumerable<Type> types)
    {
        var problems = new List<string>();
        var functions = new List<FunctionDescriptor>();
        var byName = new Dictionary<string, FunctionDefinition>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in FunctionMethods(types))
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
            var entryPoint = $"{method.DeclaringType!.FullName}.{method.Name}";
            var triggerParameters = method.GetParameters()
                .Select(p => (Parameter: p, Trigger: p.GetCustomAttribute<TriggerBindingAttribute>()))
                .Where(p => p.Trigger is not null)
                .ToList();
            if (triggerParameters.Count != 1)
            {
                problems.Add($"Function '{name}' ({entryPoint}) has {triggerParameters.Count} trigger parameters; exactly one is required.");
                continue;
            }

            var (triggerParameter, trigger) = triggerParameters[0];
            var definition = new FunctionDefinition(name, method, trigger!);
            if (byName.TryGetValue(name, out var existing))
            {
                problems.Add($"Function name '{name}' is used by both {existing.EntryPoint} and {entryPoint}.");
                continue;
            }

            byName.Add(name, definition);
            if (method.DeclaringType.IsAbstract && !method.IsStatic)
            {
                problems.Add($"Function '{name}' ({entryPoint}) is an instance method of an abstract class.");
                continue;
            }

            if (!_triggers.TryGetValue(trigger!.GetType(), out var binder))
            {
                problems.Add($"Function '{name}' ({entryPoint}): the host cannot bind trigger {trigger.GetType().Name}; is its extension registered?");
                continue;
            }

            var bindings = new List<ParameterBinding>();
            foreach (var parameter in method.GetParameters())
            {
                var result = parameter == triggerParameter
                    ? binder.BindTrigger(definition, parameter)
                    : binder.BindParameter(definition, parameter) ?? BindCommon(definition, parameter);
                if (result.Error is not null)
                {
                    problems.Add($"Function '{name}' ({entryPoint}), parameter '{parameter.Name}': {result.Error}");
                }
                else
                {
                    bindings.Add(result.Binding!);
                }
            }

            if (bindings.Count == method.GetParameters().Length)
            {
                functions.Add(new FunctionDescriptor(definition, bindings));
            }
        }

        if (problems.Count > 0)
        {
            var message = new StringBuilder("The function app cannot start:");
            foreach (var problem in problems)
            {
                message.AppendLine().Append("  - ").Append(problem);
            }

            throw new InvalidOperationException(message.ToString());
        }

        return functions;
    }

    private BindingResult BindCommon(FunctionDefinition function, ParameterInfo parameter)
    {
        foreach (var binder in _parameters)
        {
            if (binder.BindParameter(function, parameter) is { } result)
            {
                return result;
            }
        }

        return BindingResult.Fail($"no binding for a parameter of type {parameter.ParameterType.Name}.");
    }

    private static IEnumerable<MethodInfo> FunctionMethods(IEnumerable<Type> types) =>
        types
            .Where(t => t.IsClass && !t.IsGenericTypeDefinition)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(FunctionAttribute), inherit: false))
            .OrderBy(m => m.DeclaringType!.FullName, StringComparer.Ordinal)
            .ThenBy(m => m.Name, StringComparer.Ordinal);
}
