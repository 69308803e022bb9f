using System.Collections.Concurrent;
using Serverless.Storage.Tables;

namespace Emigrate.Sms.Outbound;

/// <summary>The SMS side's tables by name, each created once per process on first use.</summary>
public sealed class SmsTables(TableServiceClient service)
{
    private readonly ConcurrentDictionary<string, SmsTable> _tables = new(StringComparer.Ordinal);

    /// <summary>The table of that name.</summary>
    public SmsTable Get(string name) => _tables.GetOrAdd(name, n => new SmsTable(service, n));
}
