using System.Text.Json.Serialization;

namespace Emigrate.Domain.Clearance;

/// <summary>Which date sets the clearance deadline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeadlineCause>))]
public enum DeadlineCause
{
    /// <summary>The visa expires.</summary>
    [JsonStringEnumMemberName("visaExpiry")]
    VisaExpiry,

    /// <summary>The passport would have less than six months left.</summary>
    [JsonStringEnumMemberName("passportValidity")]
    PassportValidity,

    /// <summary>The medical certificate expires: the medical must be redone.</summary>
    [JsonStringEnumMemberName("medicalExpiry")]
    MedicalExpiry,
}
