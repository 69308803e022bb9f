using System.Reflection;

namespace Serverless.Functions.Invocation;

/// <summary>Where functions are searched: the assemblies and types the app names, or else the entry assembly.</summary>
internal sealed class FunctionDiscoveryOptions
{
    public List<Assembly> Assemblies { get; } = [];

    public List<Type> Types { get; } = [];

    public IEnumerable<Type> SearchedTypes()
    {
        var assemblies = Assemblies.Count == 0 && Types.Count == 0 && Assembly.GetEntryAssembly() is { } entry ? [entry] : Assemblies;
        return assemblies.Distinct().SelectMany(a => a.GetTypes()).Concat(Types).Distinct();
    }
}
