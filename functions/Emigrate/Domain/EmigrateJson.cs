using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Emigrate.Domain;

/// <summary>The app's JSON settings: camelCase, dates as <c>yyyy-MM-dd</c>, enums by their wire names.</summary>
/// <remarks>
/// Domain types carry their own converters (string values, enums, the <c>route</c> discriminator of
/// recruitment), so these options only fix the naming and strictness.
/// </remarks>
public static class EmigrateJson
{
    /// <summary>Shared, read-only options for storing and returning domain records.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNameCaseInsensitive = false,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.MakeReadOnly();
        return options;
    }
}
