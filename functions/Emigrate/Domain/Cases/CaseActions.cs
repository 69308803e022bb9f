using System.Collections.Frozen;

namespace Emigrate.Domain.Cases;

/// <summary>
/// Which action is allowed in which stage: the table the HTTP layer consults before it raises an event, to
/// answer 409 Conflict with "stage X, expected Y" instead of letting the orchestration ignore the event.
/// </summary>
public static class CaseActions
{
    private static readonly CaseStage[] DocumentStages =
        [CaseStage.Registered, CaseStage.AwaitingDocuments, CaseStage.DocumentsSentBack, CaseStage.ClearanceSentBack];

    private static readonly FrozenDictionary<CaseAction, CaseStage[]> Table = new Dictionary<CaseAction, CaseStage[]>
    {
        // Uploads may start as soon as the case exists, before the orchestration has moved it on.
        [CaseAction.UploadDocument] = DocumentStages,
        [CaseAction.ReviewDocument] = DocumentStages[1..],
        [CaseAction.BookMedical] = [CaseStage.DocumentsVerified],
        [CaseAction.PostMedicalResult] = [CaseStage.MedicalBooked],
        [CaseAction.RequestInsurance] = [CaseStage.MedicalFit],
        [CaseAction.PostPolicy] = [CaseStage.InsuranceRequested],
        [CaseAction.SubmitClearance] = [CaseStage.Insured],
        [CaseAction.DecideClearance] = [CaseStage.ClearanceSubmitted],
        [CaseAction.Withdraw] = CaseStages.Open.ToArray(),
    }.ToFrozenDictionary();

    /// <summary>The stages in which <paramref name="action"/> is allowed.</summary>
    public static IReadOnlyList<CaseStage> AllowedIn(CaseAction action) => Table[action];

    /// <summary>Whether <paramref name="action"/> is allowed in <paramref name="stage"/>.</summary>
    public static bool IsAllowed(CaseAction action, CaseStage stage) => Table[action].Contains(stage);

    /// <summary>
    /// <see langword="null"/> when allowed; otherwise the conflict to report, e.g.
    /// "The case is at stage medicalBooked; bookMedical needs stage documentsVerified."
    /// </summary>
    public static StageConflict? Check(CaseAction action, CaseStage stage) =>
        IsAllowed(action, stage) ? null : new StageConflict(action, stage, AllowedIn(action));
}

/// <summary>An action asked for in a stage that does not allow it.</summary>
/// <param name="Action">The action.</param>
/// <param name="Stage">The case's current stage.</param>
/// <param name="Expected">The stages that would allow it.</param>
public sealed record StageConflict(CaseAction Action, CaseStage Stage, IReadOnlyList<CaseStage> Expected)
{
    /// <summary>The sentence for a ProblemDetails <c>detail</c>.</summary>
    public string Message =>
        Stage.IsTerminal()
            ? $"The case has ended at stage {Stage.WireName()}; {WireNames.Of(Action)} is no longer possible."
            : $"The case is at stage {Stage.WireName()}; {WireNames.Of(Action)} needs stage {string.Join(" or ", Expected.Select(s => s.WireName()))}.";
}
