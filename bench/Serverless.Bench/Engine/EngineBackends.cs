namespace Serverless.Bench.Engine;

/// <summary>Picks the backend the engine suite measures: <c>--backend azure</c> (the default) or <c>memory</c>.</summary>
internal static class EngineBackends
{
    public static IEngineBackendFactory Create(string? name, string connectionString) => name switch
    {
        "memory" => new InMemoryBackendFactory(),
        null or "azure" => new AzureStorageBackendFactory(connectionString),
        _ => throw new ArgumentException($"Unknown backend '{name}'. Known: azure, memory."),
    };
}
