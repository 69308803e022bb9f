using System.Text.Json.Serialization;

namespace Emigrate.Domain.Documents;

/// <summary>The documents a case can hold. Wire names are part of the API (upload routes, status).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentType>))]
public enum DocumentType
{
    /// <summary>Passport, first and last pages.</summary>
    [JsonStringEnumMemberName("passport")]
    Passport,

    /// <summary>Employment visa.</summary>
    [JsonStringEnumMemberName("visa")]
    Visa,

    /// <summary>Employment contract.</summary>
    [JsonStringEnumMemberName("employmentContract")]
    EmploymentContract,

    /// <summary>Passport-size photograph.</summary>
    [JsonStringEnumMemberName("photograph")]
    Photograph,

    /// <summary>The foreign employer's demand letter: only when recruited through an agent.</summary>
    [JsonStringEnumMemberName("demandLetter")]
    DemandLetter,

    /// <summary>Aadhaar copy: only when an Aadhaar number was given.</summary>
    [JsonStringEnumMemberName("aadhaar")]
    Aadhaar,
}
