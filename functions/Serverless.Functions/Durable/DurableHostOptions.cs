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
    /// <summary><c>AzureStorage</c> (the default: tables, queues and blobs of <c>AzureWebJobsStorage</c>, shared by every host process) or <c>InMemory</c> (one process; state dies with it).</summary>
    [Required]
    public string Type { get; set; } = DurableBackendTypes.AzureStorage;

    /// <summary>The number of control-queue partitions (Azure Storage backend).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest wait between polls of an empty queue (Azure Storage backend).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long an orchestration step's messages stay locked to one worker (Azure Storage backend).</summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an activity call stays locked to one worker before another may run it (Azure Storage backend).</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many storage requests this host's background work (orchestration steps, activities, timers) may have in
    /// flight at once, so requests callers wait on find a short queue at the storage account; 0 for no limit.
    /// </summary>
    [Range(0, 1000)]
    public int MaxBackgroundStorageRequests { get; set; }

    /// <summary>How often a worker checks the partition leases, taking over those another host released or lost (Azure Storage backend).</summary>
    public TimeSpan LeaseCheckInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The names of the durable backends.</summary>
public static class DurableBackendTypes
{
    /// <summary>The in-memory backend.</summary>
    public const string InMemory = "InMemory";

    /// <summary>The Azure Storage backend (tables, queues, blobs).</summary>
    public const string AzureStorage = "AzureStorage";
}
