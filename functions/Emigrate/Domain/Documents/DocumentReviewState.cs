using System.Text.Json.Serialization;

namespace Emigrate.Domain.Documents;

/// <summary>Where the latest version of a document stands with the verifier.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentReviewState>))]
public enum DocumentReviewState
{
    /// <summary>Uploaded, not yet reviewed.</summary>
    [JsonStringEnumMemberName("pendingReview")]
    PendingReview,

    /// <summary>Approved by the verifier.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>Sent back with a reason; a new version is needed.</summary>
    [JsonStringEnumMemberName("sentBack")]
    SentBack,
}
