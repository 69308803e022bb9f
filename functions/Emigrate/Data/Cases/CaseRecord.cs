using Azure;
using Emigrate.Domain.Cases;

namespace Emigrate.Data.Cases;

/// <summary>A case as the Cases row holds it: what queries read.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Stage">The current stage.</param>
/// <param name="EventTarget">The orchestration instance that waits for the case's events.</param>
/// <param name="CscId">The CSC that registered it.</param>
/// <param name="PoeOffice">The PoE office of its jurisdiction.</param>
/// <param name="PassportNumber">The applicant's passport number.</param>
/// <param name="Mobile">The applicant's mobile.</param>
/// <param name="ApplicantJson">The validated applicant (Aadhaar only as last four digits and keyed hash).</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="DocumentsDue">When documents must be complete.</param>
/// <param name="ClearanceDue">When clearance must come at the latest.</param>
/// <param name="UpdatedAt">When the stage last changed.</param>
/// <param name="Facts">Values kept from stage changes (appointment, policy, ARN, EC number, last note).</param>
public sealed record CaseRecord(
    string CaseId,
    CaseStage Stage,
    string EventTarget,
    string CscId,
    string PoeOffice,
    string PassportNumber,
    string Mobile,
    string ApplicantJson,
    DateTimeOffset RegisteredAt,
    DateTimeOffset DocumentsDue,
    DateTimeOffset ClearanceDue,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Facts)
{
    /// <summary>Its stage changes, oldest first (kept in the row: see <see cref="CaseTimeline"/>).</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];

    /// <summary>The row's copy of its documents' states (see <c>CaseDocumentsView</c>), or <see langword="null"/> when the row has none.</summary>
    public string? DocumentsJson { get; init; }

    /// <summary>The row's ETag when read: a write conditional on it lands only if the row has not moved since.</summary>
    public ETag ETag { get; init; }
}

/// <summary>One entry of a case's timeline.</summary>
/// <param name="Stage">The stage entered.</param>
/// <param name="At">When.</param>
/// <param name="Note">Why, when known.</param>
public sealed record TimelineEntry(CaseStage Stage, DateTimeOffset At, string? Note);

/// <summary>How a registration went.</summary>
/// <param name="CaseId">The new case's id, or the open case that already has the passport.</param>
/// <param name="Created">Whether a case was created (false: the passport already has an open case).</param>
public sealed record RegistrationOutcome(string CaseId, bool Created);

/// <summary>A page of cases.</summary>
/// <param name="Items">The cases.</param>
/// <param name="ContinuationToken">Where the next page starts, or null.</param>
public sealed record CasePage(IReadOnlyList<CaseListItem> Items, string? ContinuationToken);

/// <summary>One case in a list.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Stage">The stage.</param>
/// <param name="Name">The applicant's name.</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record CaseListItem(string CaseId, CaseStage Stage, string Name, DateTimeOffset RegisteredAt);
