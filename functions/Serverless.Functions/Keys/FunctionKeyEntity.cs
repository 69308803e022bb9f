using Azure;
using Serverless.Storage.Tables;

namespace Serverless.Functions.Keys;

/// <summary>A stored key: row key is the key's SHA-256 (hex), so authorisation is a point read; the key itself is never stored.</summary>
internal sealed class FunctionKeyEntity : ITableEntity
{
    public const string Partition = "key";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string KeyId { get; set; } = string.Empty;

    public string Role { get; set; } = string.Empty;

    public string OrganisationId { get; set; } = string.Empty;

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset? Revoked { get; set; }

    public FunctionKey ToKey() => new(KeyId, Role, OrganisationId, Created, Revoked);

    public static FunctionKeyEntity From(string keyHash, FunctionKey key) => new()
    {
        RowKey = keyHash,
        KeyId = key.KeyId,
        Role = key.Role,
        OrganisationId = key.OrganisationId,
        Created = key.Created,
        Revoked = key.Revoked,
    };
}
