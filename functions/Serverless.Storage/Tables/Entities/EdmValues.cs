using System.Globalization;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Conversions shared by the entity readers, writers and <see cref="TableEntity"/>'s getters.</summary>
internal static class EdmValues
{
    /// <summary>A <see cref="DateTime"/> as a UTC instant: local times are converted, unspecified ones are taken as UTC.</summary>
    public static DateTimeOffset ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime()),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)),
    };

    /// <summary>Converts a value read before its type annotation to the annotated type.</summary>
    public static object? Convert(object? value, string edmType) => (value, edmType) switch
    {
        (string s, EdmNames.Int64) => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        (string s, EdmNames.Double) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture),
        (string s, EdmNames.DateTime) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        (string s, EdmNames.Guid) => Guid.Parse(s, CultureInfo.InvariantCulture),
        (string s, EdmNames.Binary) => System.Convert.FromBase64String(s),
        (int i, EdmNames.Double) => (double)i,
        (int i, EdmNames.Int64) => (long)i,
        (long l, EdmNames.Double) => (double)l,
        _ => value,
    };
}
