using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Serverless.Durable.AzureStorage;

/// <summary>The names of a task hub's tables, queues and containers, and how instance ids map to keys and partitions.</summary>
/// <remarks>
/// This is a storage format (see the layout section of <c>functions/Serverless.Durable/README.md</c>): names, the key
/// escaping and the partition hash must never change, or a new version would not find what an older one stored.
/// </remarks>
internal sealed partial class TaskHubLayout
{
    /// <summary>The row key of an instance's row in the instances table.</summary>
    public const string InstanceRowKey = "@";

    /// <summary>The partition key of the worker registry rows in the index table.</summary>
    public const string WorkersPartition = "~workers";

    public TaskHubLayout(string hubName, int partitionCount)
    {
        if (!HubNamePattern().IsMatch(hubName))
        {
            throw new ArgumentException($"Task hub name '{hubName}' is invalid: 3 to 45 letters and digits, starting with a letter.", nameof(hubName));
        }

        this.HubName = hubName;
        this.PartitionCount = partitionCount;
        string lower = hubName.ToLowerInvariant();
        this.InstancesTable = hubName + "Instances";
        this.HistoryTable = hubName + "History";
        this.IndexTable = hubName + "Index";
        this.ControlQueues = [.. Enumerable.Range(0, partitionCount).Select(i => $"{lower}-control-{i.ToString("D2", CultureInfo.InvariantCulture)}")];
        this.WorkItemQueue = lower + "-workitems";
        this.PoisonQueue = lower + "-poison";
        this.LeaseContainer = lower + "-leases";
        this.PayloadContainer = lower + "-payloads";
    }

    public string HubName { get; }

    public int PartitionCount { get; }

    public string InstancesTable { get; }

    public string HistoryTable { get; }

    public string IndexTable { get; }

    public IReadOnlyList<string> ControlQueues { get; }

    public string WorkItemQueue { get; }

    public string PoisonQueue { get; }

    public string LeaseContainer { get; }

    public string PayloadContainer { get; }

    /// <summary>The lease blob of a control partition.</summary>
    public static string LeaseBlob(int partition) => "control-" + partition.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The control partition of an instance: FNV-1a (32 bit) over the id's UTF-16 code units, modulo the partition count.</summary>
    /// <remarks>Stable across processes, machines and .NET versions, unlike <see cref="string.GetHashCode()"/>.</remarks>
    public int PartitionOf(string instanceId)
    {
        uint hash = 2166136261;
        foreach (char c in instanceId)
        {
            hash = (hash ^ (uint)(c & 0xFF)) * 16777619;
            hash = (hash ^ (uint)(c >> 8)) * 16777619;
        }

        return (int)(hash % (uint)this.PartitionCount);
    }

    /// <summary>An instance id as a table key: the characters keys forbid (<c>/ \ # ?</c>, controls) and <c>%</c> itself become <c>%XX</c>.</summary>
    /// <remarks>Escaping is per character, so a prefix of an id escapes to a prefix of the id's key, and key ranges still serve prefix queries.</remarks>
    public static string Key(string instanceId)
    {
        int i = instanceId.AsSpan().IndexOfAny(Forbidden);
        if (i < 0)
        {
            return instanceId;
        }

        var builder = new StringBuilder(instanceId.Length + 8);
        foreach (char c in instanceId)
        {
            if (IsForbidden(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The instance id of a table key made by <see cref="Key"/>.</summary>
    public static string InstanceIdOf(string key)
    {
        if (!key.Contains('%', StringComparison.Ordinal))
        {
            return key;
        }

        var builder = new StringBuilder(key.Length);
        for (int i = 0; i < key.Length; i++)
        {
            if (key[i] == '%' && i + 2 < key.Length && int.TryParse(key.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int code))
            {
                builder.Append((char)code);
                i += 2;
            }
            else
            {
                builder.Append(key[i]);
            }
        }

        return builder.ToString();
    }

    /// <summary>The row key of a history row: the execution id and a zero-padded sequence number, so rows sort in order.</summary>
    public static string HistoryRowKey(string executionId, int sequence) =>
        executionId + ":" + sequence.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>The partition key of the name index rows of one orchestrator name (upper-cased, escaped like an instance key).</summary>
    public static string NamePartition(string name) => "n-" + Key(name.ToUpperInvariant());

    /// <summary>The partition key of the creation index rows of one UTC day.</summary>
    public static string CreatedPartition(DateTimeOffset createdAt) => "c-" + createdAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The partition key of the in-flight rows of one control partition: instances whose activity calls run in the partition's owner.</summary>
    public static string ActivitiesPartition(int partition) => "a-" + partition.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>The partition key of the status index rows of one status.</summary>
    public static string StatusPartition(OrchestrationRuntimeStatus status) => "s-" + status.ToString();

    private static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' or '%' or < (char)0x20 or (>= (char)0x7F and <= (char)0x9F);

    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(
        "/\\#?%" + new string([.. Enumerable.Range(0, 0x20).Select(i => (char)i)]) + new string([.. Enumerable.Range(0x7F, 0x21).Select(i => (char)i)]));

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}
