using System.Text.Json.Serialization;

namespace Emigrate.Domain.Cases;

/// <summary>Where a case stands. The wire names are part of the API and of stored status: never rename them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseStage>))]
public enum CaseStage
{
    /// <summary>Registered; the case's orchestration has not yet asked for documents.</summary>
    [JsonStringEnumMemberName("registered")]
    Registered,

    /// <summary>Waiting for documents to be uploaded and verified.</summary>
    [JsonStringEnumMemberName("awaitingDocuments")]
    AwaitingDocuments,

    /// <summary>A verifier sent at least one document back; waiting for re-upload.</summary>
    [JsonStringEnumMemberName("documentsSentBack")]
    DocumentsSentBack,

    /// <summary>Every required document approved; a medical can be booked (again, after a no-show).</summary>
    [JsonStringEnumMemberName("documentsVerified")]
    DocumentsVerified,

    /// <summary>A medical slot is booked.</summary>
    [JsonStringEnumMemberName("medicalBooked")]
    MedicalBooked,

    /// <summary>Found fit; insurance can be requested.</summary>
    [JsonStringEnumMemberName("medicalFit")]
    MedicalFit,

    /// <summary>Found unfit: the case ends.</summary>
    [JsonStringEnumMemberName("medicalUnfit")]
    MedicalUnfit,

    /// <summary>PBBY policy requested from an insurer.</summary>
    [JsonStringEnumMemberName("insuranceRequested")]
    InsuranceRequested,

    /// <summary>Policy issued; the case can be submitted for clearance.</summary>
    [JsonStringEnumMemberName("insured")]
    Insured,

    /// <summary>Submitted to the PoE office (ARN issued).</summary>
    [JsonStringEnumMemberName("clearanceSubmitted")]
    ClearanceSubmitted,

    /// <summary>The PoE sent the case back to documents with a reason.</summary>
    [JsonStringEnumMemberName("clearanceSentBack")]
    ClearanceSentBack,

    /// <summary>Emigration clearance granted: the case ends.</summary>
    [JsonStringEnumMemberName("cleared")]
    Cleared,

    /// <summary>Clearance rejected: the case ends.</summary>
    [JsonStringEnumMemberName("clearanceRejected")]
    ClearanceRejected,

    /// <summary>Withdrawn by the CSC: the case ends.</summary>
    [JsonStringEnumMemberName("withdrawn")]
    Withdrawn,

    /// <summary>A deadline passed: the case ends.</summary>
    [JsonStringEnumMemberName("expired")]
    Expired,
}
