namespace Serverless.Durable.InMemory;

/// <summary>Settings of the in-memory backend.</summary>
public sealed class InMemoryBackendOptions
{
    /// <summary>How long a work item stays locked before another worker may take it.</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest message delay accepted, to emulate a queue's limit (Azure: 7 days); <see langword="null"/> for none.</summary>
    public TimeSpan? MaxMessageDelay { get; set; }
}
