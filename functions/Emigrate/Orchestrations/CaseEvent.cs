using System.Text.Json.Serialization;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Medical;

namespace Emigrate.Orchestrations;

/// <summary>What happened to a case outside the orchestration; raised by the portal functions.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CaseEventKind>))]
public enum CaseEventKind
{
    /// <summary>A document version was stored (the documents table already holds it).</summary>
    [JsonStringEnumMemberName("documentUploaded")]
    DocumentUploaded,

    /// <summary>A verifier approved or sent back a document (the documents table already holds the review).</summary>
    [JsonStringEnumMemberName("documentReviewed")]
    DocumentReviewed,

    /// <summary>A medical slot was reserved.</summary>
    [JsonStringEnumMemberName("medicalBooked")]
    MedicalBooked,

    /// <summary>The centre posted a result.</summary>
    [JsonStringEnumMemberName("medicalResult")]
    MedicalResult,

    /// <summary>The CSC requested the PBBY policy.</summary>
    [JsonStringEnumMemberName("insuranceRequested")]
    InsuranceRequested,

    /// <summary>The insurer posted the issued policy.</summary>
    [JsonStringEnumMemberName("policyIssued")]
    PolicyIssued,

    /// <summary>The CSC submitted the case for clearance (the ARN is drawn by the portal).</summary>
    [JsonStringEnumMemberName("clearanceSubmitted")]
    ClearanceSubmitted,

    /// <summary>The PoE officer decided.</summary>
    [JsonStringEnumMemberName("clearanceDecided")]
    ClearanceDecided,

    /// <summary>The CSC withdrew the case.</summary>
    [JsonStringEnumMemberName("withdraw")]
    Withdraw,
}

/// <summary>The PoE's decision on a submission.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClearanceDecision>))]
public enum ClearanceDecision
{
    /// <summary>Emigration clearance granted (with an EC number).</summary>
    [JsonStringEnumMemberName("grant")]
    Grant,

    /// <summary>Back to documents with a reason.</summary>
    [JsonStringEnumMemberName("sendBack")]
    SendBack,

    /// <summary>Rejected: the case ends.</summary>
    [JsonStringEnumMemberName("reject")]
    Reject,
}

/// <summary>
/// The one external event a case orchestration waits for (<see cref="CaseEvents.Name"/>). One name and a kind keep
/// each wait a single durable task racing a single timer; fields that do not belong to the kind stay null.
/// </summary>
/// <param name="Kind">What happened.</param>
public sealed record CaseEvent(CaseEventKind Kind)
{
    /// <summary>The document type (uploads, reviews).</summary>
    public DocumentType? DocumentType { get; init; }

    /// <summary>A free-text reason (send-backs, withdrawal, PoE decisions).</summary>
    public string? Reason { get; init; }

    /// <summary>The medical centre (booking).</summary>
    public string? CentreId { get; init; }

    /// <summary>The appointment day (booking).</summary>
    public DateOnly? Date { get; init; }

    /// <summary>When the appointment starts (booking).</summary>
    public DateTimeOffset? AppointmentAt { get; init; }

    /// <summary>The medical result.</summary>
    public MedicalResult? Result { get; init; }

    /// <summary>The fit certificate reference.</summary>
    public string? CertificateRef { get; init; }

    /// <summary>The insurer (request).</summary>
    public string? InsurerId { get; init; }

    /// <summary>The policy years (request).</summary>
    public int? Years { get; init; }

    /// <summary>The issued policy number.</summary>
    public string? PolicyNumber { get; init; }

    /// <summary>The application reference number (submission).</summary>
    public string? Arn { get; init; }

    /// <summary>The PoE's decision.</summary>
    public ClearanceDecision? Decision { get; init; }

    /// <summary>The emigration clearance number (grant).</summary>
    public string? EcNumber { get; init; }

    /// <summary>
    /// Set by the case orchestration when it forwards the event to a phase (counting from 1 per case); null when
    /// raised by the portal. A phase drops a repeat of a number it has seen (forwarding runs at least once) and
    /// reports the last one it took, so the case orchestration can take back what the phase never read.
    /// </summary>
    public long? Sequence { get; init; }
}
