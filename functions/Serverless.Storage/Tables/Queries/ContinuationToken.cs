namespace Serverless.Storage.Tables.Queries;

/// <summary>
/// A query's continuation as one opaque string: the service's <c>NextPartitionKey</c> and <c>NextRowKey</c>,
/// each percent-escaped and joined by a space (which escaping never produces).
/// </summary>
internal static class ContinuationToken
{
    public const string NextPartitionKeyHeader = "x-ms-continuation-NextPartitionKey";
    public const string NextRowKeyHeader = "x-ms-continuation-NextRowKey";

    public static string? Encode(string? nextPartitionKey, string? nextRowKey) =>
        string.IsNullOrEmpty(nextPartitionKey)
            ? null
            : string.IsNullOrEmpty(nextRowKey)
                ? Uri.EscapeDataString(nextPartitionKey)
                : Uri.EscapeDataString(nextPartitionKey) + " " + Uri.EscapeDataString(nextRowKey);

    public static bool TryDecode(string? token, out string nextPartitionKey, out string? nextRowKey)
    {
        nextPartitionKey = string.Empty;
        nextRowKey = null;
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        var space = token.IndexOf(' ', StringComparison.Ordinal);
        nextPartitionKey = Uri.UnescapeDataString(space < 0 ? token : token[..space]);
        nextRowKey = space < 0 ? null : Uri.UnescapeDataString(token[(space + 1)..]);
        return true;
    }
}
