using Microsoft.Extensions.Options;

namespace Serverless.Functions.Invocation;

/// <summary>The app's functions, indexed once when first asked for (at start-up, by the host).</summary>
internal sealed class FunctionCatalog(FunctionIndexer indexer, IOptions<FunctionDiscoveryOptions> discovery)
{
    private readonly Lazy<IReadOnlyList<FunctionDescriptor>> _functions = new(() => indexer.Index(discovery.Value.SearchedTypes()));

    public IReadOnlyList<FunctionDescriptor> Functions => _functions.Value;

    public IEnumerable<FunctionDescriptor> WithTrigger<TTrigger>()
        where TTrigger : TriggerBindingAttribute =>
        Functions.Where(f => f.Definition.Trigger is TTrigger);
}
