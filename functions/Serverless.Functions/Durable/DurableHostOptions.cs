using System.ComponentModel.DataAnnotations;

namespace Serverless.Functions.Durable;

/// <summary>Durable engine settings from <c>host.json</c>'s <c>extensions:durableTask</c> (section <c>AzureFunctionsJobHost:extensions:durableTask</c>).</summary>
public sealed class DurableHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "AzureFunctionsJobHost:extensions:durableTask";

    /// <summary>The task hub: names the engine's tables, queues and containers, so several apps can share an account.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string HubName { get; set; } = "TestHubName";

    /// <summary>How many activities one host runs at once.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentActivityFunctions { get; set; } = 16;

    /// <summary>How many orchestration steps one host runs at once.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 16;

    /// <summary>Which backend holds the engine's state.</summary>
    public DurableStorageProviderOptions StorageProvider { get; set; } = new();
}

/// <summary>The <c>storageProvider</c> part of the durable settings.</summary>
public sealed class DurableStorageProviderOptions
{
    /// <summary>
    /// <c>AzureStorage</c> (the default: state in the <c>AzureWebJobsStorage</c> account, any number of hosts) or
    /// <c>InMemory</c> (state lives and dies with the process; one process only — for tests and experiments).
    /// </summary>
    [Required]
    public string Type { get; set; } = DurableBackendTypes.AzureStorage;

    /// <summary>The number of control-queue partitions (Azure Storage backend).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest wait between polls of an empty queue (Azure Storage backend).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>The names of the durable backends.</summary>
public static class DurableBackendTypes
{
    /// <summary>The in-memory backend.</summary>
    public const string InMemory = "InMemory";

    /// <summary>The Azure Storage backend (tables, queues, blobs).</summary>
    public const string AzureStorage = "AzureStorage";
}
