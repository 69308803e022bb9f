using Azure;

namespace Serverless.Storage.Tables;

/// <summary>An entity stored in a table: its keys plus the service-maintained timestamp and ETag.</summary>
/// <remarks>
/// Implemented by <see cref="TableEntity"/> and by typed entities: a class with a parameterless constructor whose
/// public read/write properties become the entity's properties, mapped by name.
/// </remarks>
public interface ITableEntity
{
    /// <summary>The partition key; together with <see cref="RowKey"/> it identifies the entity.</summary>
    string PartitionKey { get; set; }

    /// <summary>The row key, unique within the partition.</summary>
    string RowKey { get; set; }

    /// <summary>When the service last modified the entity; set on read, never written.</summary>
    DateTimeOffset? Timestamp { get; set; }

    /// <summary>The entity's version, set on read; pass it as <c>ifMatch</c> to update only an unchanged entity.</summary>
    ETag ETag { get; set; }
}
