using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Azure;
using Serverless.Storage.Tables.Entities;

namespace Serverless.Storage.Tables;

/// <summary>
/// An entity as a dictionary of property names to values, for entities without a fixed shape.
/// </summary>
/// <remarks>
/// Values are <see cref="string"/>, <see cref="int"/>, <see cref="long"/>, <see cref="double"/>, <see cref="bool"/>,
/// <see cref="DateTimeOffset"/>, <see cref="Guid"/> or <see cref="byte"/>[] when read; when written, <see cref="DateTime"/>
/// (as UTC), <see cref="BinaryData"/> and enums (as their name) are accepted too, and <see langword="null"/> values are left out.
/// As in <c>Azure.Data.Tables</c>, the keys, timestamp and ETag live in the dictionary as well, under
/// <c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c> and <c>odata.etag</c>.
/// </remarks>
public sealed partial class TableEntity : ITableEntity, IDictionary<string, object?>
{
    private readonly Dictionary<string, object?> _properties;

    /// <summary>Creates an empty entity.</summary>
    public TableEntity() => _properties = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Creates an entity with the given keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>Creates an entity holding a copy of the given properties.</summary>
    public TableEntity(IDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _properties = new Dictionary<string, object?>(values, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public string PartitionKey
    {
        get => GetString(EdmNames.PartitionKey)!;
        set => _properties[EdmNames.PartitionKey] = value;
    }

    /// <inheritdoc />
    public string RowKey
    {
        get => GetString(EdmNames.RowKey)!;
        set => _properties[EdmNames.RowKey] = value;
    }

    /// <inheritdoc />
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(EdmNames.Timestamp);
        set => _properties[EdmNames.Timestamp] = value;
    }

    /// <inheritdoc />
    public ETag ETag
    {
        get => _properties.TryGetValue(EdmNames.ETag, out var value) && value is string etag ? new ETag(etag) : default;
        set
        {
            if (value == default)
            {
                _properties.Remove(EdmNames.ETag);
            }
            else
            {
                _properties[EdmNames.ETag] = value.ToString("G");
            }
        }
    }

    /// <summary>Gets or sets a property; getting a missing one returns <see langword="null"/>, as in <c>Azure.Data.Tables</c>.</summary>
    public object? this[string key]
    {
        get => _properties.TryGetValue(key, out var value) ? value : null;
        set => _properties[key] = value;
    }

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object?> Values => _properties.Values;

    /// <inheritdoc />
    public int Count => _properties.Count;

    bool ICollection<KeyValuePair<string, object?>>.IsReadOnly => false;

    /// <inheritdoc />
    public void Add(string key, object? value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value) => _properties.TryGetValue(key, out value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _properties.GetEnumerator();

    void ICollection<KeyValuePair<string, object?>>.Add(KeyValuePair<string, object?> item) => _properties.Add(item.Key, item.Value);

    bool ICollection<KeyValuePair<string, object?>>.Contains(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Contains(item);

    void ICollection<KeyValuePair<string, object?>>.CopyTo(KeyValuePair<string, object?>[] array, int arrayIndex) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).CopyTo(array, arrayIndex);

    bool ICollection<KeyValuePair<string, object?>>.Remove(KeyValuePair<string, object?> item) =>
        ((ICollection<KeyValuePair<string, object?>>)_properties).Remove(item);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
