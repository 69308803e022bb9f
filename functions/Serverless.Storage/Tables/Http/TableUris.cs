using Serverless.Storage.Core;

namespace Serverless.Storage.Tables.Http;

/// <summary>The resource URIs of the table service, with keys quoted and escaped as OData key predicates.</summary>
internal static class TableUris
{
    /// <summary>The <c>Tables</c> collection, where tables are created.</summary>
    public static Uri Tables(Uri endpoint) => UriPaths.Append(endpoint, "Tables");

    /// <summary>One table in the <c>Tables</c> collection, for deleting it.</summary>
    public static Uri Table(Uri endpoint, string table) => new($"{Base(endpoint)}/Tables('{Key(table)}')");

    /// <summary>The table's entity set: inserts are posted here.</summary>
    public static Uri EntitySet(Uri endpoint, string table) => UriPaths.Append(endpoint, table);

    /// <summary>The table's query resource, <c>table()</c>.</summary>
    public static Uri Query(Uri endpoint, string table) => new($"{Base(endpoint)}/{Uri.EscapeDataString(table)}()");

    /// <summary>One entity: <c>table(PartitionKey='…',RowKey='…')</c>.</summary>
    public static Uri Entity(Uri endpoint, string table, string partitionKey, string rowKey)
    {
        ArgumentNullException.ThrowIfNull(partitionKey);
        ArgumentNullException.ThrowIfNull(rowKey);
        return new($"{Base(endpoint)}/{Uri.EscapeDataString(table)}(PartitionKey='{Key(partitionKey)}',RowKey='{Key(rowKey)}')");
    }

    /// <summary>The account's entity-group transaction endpoint.</summary>
    public static Uri Batch(Uri endpoint) => new($"{Base(endpoint)}/$batch");

    private static string Base(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Path).TrimEnd('/');

    // A quote inside an OData string literal is doubled; the literal is then percent-escaped as a path segment.
    private static string Key(string value) => Uri.EscapeDataString(value.Replace("'", "''", StringComparison.Ordinal));
}
