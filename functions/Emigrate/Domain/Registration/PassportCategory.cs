using System.Text.Json.Serialization;

namespace Emigrate.Domain.Registration;

/// <summary>Whether the passport is stamped Emigration Check Required.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PassportCategory>))]
public enum PassportCategory
{
    /// <summary>Emigration Check Required: clearance needed for ECR countries.</summary>
    [JsonStringEnumMemberName("ECR")]
    Ecr,

    /// <summary>Emigration Check Not Required: no clearance needed.</summary>
    [JsonStringEnumMemberName("ECNR")]
    Ecnr,
}
