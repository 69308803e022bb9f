namespace Emigrate.Domain.Documents;

/// <summary>Where a case's documents stand as a whole, from the review state of each latest version.</summary>
public enum DocumentsProgress
{
    /// <summary>Some required document has never been uploaded.</summary>
    Incomplete,

    /// <summary>Some document was sent back and not yet uploaded again.</summary>
    SentBack,

    /// <summary>Everything is uploaded; some of it is still to be reviewed.</summary>
    AwaitingReview,

    /// <summary>Every required document is approved.</summary>
    AllApproved,
}

/// <summary>Summarises the documents of a case.</summary>
public static class DocumentChecklist
{
    /// <summary>
    /// The progress given the required types and the review state of the latest version of each uploaded type.
    /// A send-back outweighs a missing document: the CSC has something concrete to fix.
    /// </summary>
    public static DocumentsProgress Evaluate(IEnumerable<DocumentType> required, IReadOnlyDictionary<DocumentType, DocumentReviewState> latest)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(latest);
        var states = required.Select(type => latest.TryGetValue(type, out var state) ? state : (DocumentReviewState?)null).ToList();
        if (states.Contains(DocumentReviewState.SentBack))
        {
            return DocumentsProgress.SentBack;
        }

        if (states.Contains(null))
        {
            return DocumentsProgress.Incomplete;
        }

        return states.Contains(DocumentReviewState.PendingReview) ? DocumentsProgress.AwaitingReview : DocumentsProgress.AllApproved;
    }

    /// <summary>Required types with no upload yet.</summary>
    public static IReadOnlyList<DocumentType> Missing(IEnumerable<DocumentType> required, IReadOnlyDictionary<DocumentType, DocumentReviewState> latest) =>
        required.Where(type => !latest.ContainsKey(type)).ToList();
}
