using System.Text.Json.Serialization;

namespace Emigrate.Domain.Medical;

/// <summary>What a medical centre reports for an appointment.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MedicalResult>))]
public enum MedicalResult
{
    /// <summary>Fit, with a certificate reference.</summary>
    [JsonStringEnumMemberName("fit")]
    Fit,

    /// <summary>Unfit: the case ends.</summary>
    [JsonStringEnumMemberName("unfit")]
    Unfit,

    /// <summary>The applicant did not come: book again, a limited number of times.</summary>
    [JsonStringEnumMemberName("noShow")]
    NoShow,
}
