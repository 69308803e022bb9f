using System.Text.Json.Serialization;

namespace Emigrate.Domain.Cases;

/// <summary>Something an actor asks to do to a case; allowed only in some stages (see <see cref="CaseActions"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseAction>))]
public enum CaseAction
{
    /// <summary>CSC uploads (or re-uploads) a document.</summary>
    [JsonStringEnumMemberName("uploadDocument")]
    UploadDocument,

    /// <summary>Verifier approves or sends back a document.</summary>
    [JsonStringEnumMemberName("reviewDocument")]
    ReviewDocument,

    /// <summary>CSC books a medical slot.</summary>
    [JsonStringEnumMemberName("bookMedical")]
    BookMedical,

    /// <summary>Medical centre posts fit, unfit or no-show.</summary>
    [JsonStringEnumMemberName("postMedicalResult")]
    PostMedicalResult,

    /// <summary>CSC requests the PBBY policy.</summary>
    [JsonStringEnumMemberName("requestInsurance")]
    RequestInsurance,

    /// <summary>Insurer posts the issued policy.</summary>
    [JsonStringEnumMemberName("postPolicy")]
    PostPolicy,

    /// <summary>CSC submits the case to the PoE office.</summary>
    [JsonStringEnumMemberName("submitClearance")]
    SubmitClearance,

    /// <summary>PoE officer grants, sends back or rejects clearance.</summary>
    [JsonStringEnumMemberName("decideClearance")]
    DecideClearance,

    /// <summary>CSC withdraws the case.</summary>
    [JsonStringEnumMemberName("withdraw")]
    Withdraw,
}
