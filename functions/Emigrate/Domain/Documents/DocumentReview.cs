using System.Diagnostics.CodeAnalysis;

namespace Emigrate.Domain.Documents;

/// <summary>The review of one document version. A send-back always carries its reason.</summary>
public sealed record DocumentReview
{
    /// <summary>The longest reason accepted (it goes to the CSC and, shortened, into an SMS).</summary>
    public const int MaxReasonLength = 500;

    private DocumentReview(DocumentReviewState state, string? reason)
    {
        State = state;
        Reason = reason;
    }

    /// <summary>Not yet reviewed.</summary>
    public static DocumentReview Pending { get; } = new(DocumentReviewState.PendingReview, null);

    /// <summary>Approved.</summary>
    public static DocumentReview Approved { get; } = new(DocumentReviewState.Approved, null);

    /// <summary>The state.</summary>
    public DocumentReviewState State { get; }

    /// <summary>Why it was sent back; null otherwise.</summary>
    public string? Reason { get; }

    /// <summary>Sent back for <paramref name="reason"/>; false when the reason is blank or too long.</summary>
    public static bool TrySendBack(string? reason, [NotNullWhen(true)] out DocumentReview? review)
    {
        var trimmed = reason?.Trim();
        review = string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxReasonLength || trimmed.Any(char.IsControl)
            ? null
            : new DocumentReview(DocumentReviewState.SentBack, trimmed);
        return review is not null;
    }
}
