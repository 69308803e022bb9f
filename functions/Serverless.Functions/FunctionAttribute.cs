namespace Serverless.Functions;

/// <summary>Marks a method as a function with the given name; its trigger comes from one parameter's trigger attribute.</summary>
/// <remarks>
/// The declaring class is constructed through dependency injection for each invocation, as in the Azure Functions
/// isolated worker. Names are unique across the app: two functions with one name fail start-up.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class FunctionAttribute : Attribute
{
    /// <summary>Declares a function.</summary>
    /// <param name="name">The function's name: unique in the app, used in logs, routes (by default) and the durable registry.</param>
    public FunctionAttribute(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The function's name.</summary>
    public string Name { get; }
}
