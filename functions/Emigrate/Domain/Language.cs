using System.Text.Json.Serialization;

namespace Emigrate.Domain;

/// <summary>A language we answer applicants in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Language>))]
public enum Language
{
    /// <summary>English.</summary>
    [JsonStringEnumMemberName("en")]
    English,

    /// <summary>Hindi.</summary>
    [JsonStringEnumMemberName("hi")]
    Hindi,
}
