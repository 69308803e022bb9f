using System.Reflection;

namespace Serverless.Functions;

/// <summary>Describes one discovered function: its name, entry point and trigger.</summary>
public sealed class FunctionDefinition
{
    internal FunctionDefinition(string name, MethodInfo method, TriggerBindingAttribute trigger)
    {
        Name = name;
        Method = method;
        Trigger = trigger;
        EntryPoint = $"{method.DeclaringType!.FullName}.{method.Name}";
        PathToAssembly = method.DeclaringType.Assembly.Location;
        Id = name;
    }

    /// <summary>The function's name from <see cref="FunctionAttribute"/>.</summary>
    public string Name { get; }

    /// <summary>A stable identifier of the function (its name: names are unique in an app).</summary>
    public string Id { get; }

    /// <summary>The full name of the method, <c>Namespace.Class.Method</c>.</summary>
    public string EntryPoint { get; }

    /// <summary>The file the function's assembly was loaded from.</summary>
    public string PathToAssembly { get; }

    /// <summary>The method that runs.</summary>
    public MethodInfo Method { get; }

    /// <summary>The trigger attribute of the function's trigger parameter.</summary>
    public TriggerBindingAttribute Trigger { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({EntryPoint})";
}
