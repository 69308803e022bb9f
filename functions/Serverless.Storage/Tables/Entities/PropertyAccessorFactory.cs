using System.Reflection;
using System.Runtime.Serialization;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Builds the accessors of a typed entity once, by reflection, as strongly typed delegates.</summary>
internal static class PropertyAccessorFactory
{
    private static readonly Dictionary<Type, Type> Codecs = new()
    {
        [typeof(string)] = typeof(StringCodec),
        [typeof(int)] = typeof(Int32Codec),
        [typeof(long)] = typeof(Int64Codec),
        [typeof(double)] = typeof(DoubleCodec),
        [typeof(bool)] = typeof(BooleanCodec),
        [typeof(DateTimeOffset)] = typeof(DateTimeOffsetCodec),
        [typeof(DateTime)] = typeof(DateTimeCodec),
        [typeof(Guid)] = typeof(GuidCodec),
        [typeof(byte[])] = typeof(BinaryCodec),
        [typeof(BinaryData)] = typeof(BinaryDataCodec),
    };

    /// <summary>The accessors for every public read/write instance property except the four of <see cref="ITableEntity"/>.</summary>
    /// <exception cref="NotSupportedException">A mapped property has a type a table cannot store.</exception>
    public static PropertyAccessor<T>[] Create<T>()
        where T : class, ITableEntity
    {
        var accessors = new List<PropertyAccessor<T>>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length != 0
                || property.GetMethod is not { IsPublic: true }
                || property.SetMethod is not { IsPublic: true }
                || property.IsDefined(typeof(IgnoreDataMemberAttribute))
                || property.Name is nameof(ITableEntity.PartitionKey) or nameof(ITableEntity.RowKey)
                    or nameof(ITableEntity.Timestamp) or nameof(ITableEntity.ETag))
            {
                continue;
            }

            var name = property.GetCustomAttribute<DataMemberAttribute>()?.Name ?? property.Name;
            accessors.Add(Create<T>(property, name));
        }

        return [.. accessors];
    }

    private static PropertyAccessor<T> Create<T>(PropertyInfo property, string name)
        where T : class
    {
        var type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(type);
        var valueType = underlying ?? type;
        var codec = valueType.IsEnum ? typeof(EnumCodec<>).MakeGenericType(valueType) : Codecs.GetValueOrDefault(valueType)
            ?? throw new NotSupportedException(
                $"Property {typeof(T).Name}.{property.Name} is a {type.Name}, which a table cannot store. " +
                "Use string, int, long, double, bool, DateTimeOffset, DateTime, Guid, byte[], BinaryData or an enum " +
                "(or their nullable forms), or mark it [IgnoreDataMember].");

        var accessorType = underlying is null
            ? typeof(PropertyAccessor<,,>).MakeGenericType(typeof(T), valueType, codec)
            : typeof(NullablePropertyAccessor<,,>).MakeGenericType(typeof(T), valueType, codec);
        var getter = property.GetMethod!.CreateDelegate(typeof(Func<,>).MakeGenericType(typeof(T), type));
        var setter = property.SetMethod!.CreateDelegate(typeof(Action<,>).MakeGenericType(typeof(T), type));
        return (PropertyAccessor<T>)Activator.CreateInstance(accessorType, name, getter, setter)!;
    }
}
