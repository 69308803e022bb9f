using System.Text.Json.Serialization;

namespace Emigrate.Domain.Registration;

/// <summary>Gender as declared at registration (and on the passport).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Gender>))]
public enum Gender
{
    /// <summary>Male.</summary>
    [JsonStringEnumMemberName("male")]
    Male,

    /// <summary>Female: the minimum-age rule for women on ECR passports applies.</summary>
    [JsonStringEnumMemberName("female")]
    Female,

    /// <summary>Other (transgender or not declared as male or female).</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
