namespace Serverless.Storage.Tables;

public sealed partial class TableEntity
{
    /// <summary>The string property, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public string? GetString(string key) => Get<string>(key);

    /// <summary>The Int32 property, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public int? GetInt32(string key) => GetValue<int>(key);

    /// <summary>The Int64 property (an Int32 one widens), or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public long? GetInt64(string key) => this[key] switch
    {
        int i => i,
        var other => GetValue<long>(key, other),
    };

    /// <summary>The Double property (an Int32 one widens), or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public double? GetDouble(string key) => this[key] switch
    {
        int i => i,
        var other => GetValue<double>(key, other),
    };

    /// <summary>The Boolean property, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public bool? GetBoolean(string key) => GetValue<bool>(key);

    /// <summary>The DateTime property as a UTC <see cref="DateTimeOffset"/>, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public DateTimeOffset? GetDateTimeOffset(string key) => this[key] switch
    {
        DateTime dt => Entities.EdmValues.ToUtc(dt),
        var other => GetValue<DateTimeOffset>(key, other),
    };

    /// <summary>The DateTime property as a UTC <see cref="DateTime"/>, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    /// <summary>The Guid property, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public Guid? GetGuid(string key) => GetValue<Guid>(key);

    /// <summary>The binary property as a byte array, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public byte[]? GetBinary(string key) => this[key] switch
    {
        BinaryData data => data.ToArray(),
        _ => Get<byte[]>(key),
    };

    /// <summary>The binary property as <see cref="BinaryData"/>, or <see langword="null"/> if absent.</summary>
    /// <exception cref="InvalidOperationException">The property holds another type.</exception>
    public BinaryData? GetBinaryData(string key) => this[key] switch
    {
        byte[] bytes => new BinaryData(bytes),
        _ => Get<BinaryData>(key),
    };

    private T? Get<T>(string key)
        where T : class => this[key] switch
        {
            null => null,
            T value => value,
            var other => throw Mismatch(key, typeof(T), other),
        };

    private T? GetValue<T>(string key)
        where T : struct => GetValue<T>(key, this[key]);

    private static T? GetValue<T>(string key, object? value)
        where T : struct => value switch
        {
            null => null,
            T typed => typed,
            var other => throw Mismatch(key, typeof(T), other),
        };

    private static InvalidOperationException Mismatch(string key, Type wanted, object value) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {wanted.Name}.");
}
