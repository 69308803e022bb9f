using System.Collections.Frozen;

namespace Emigrate.Domain.Cases;

/// <summary>
/// The moves a case's stage may make: the process of DOMAIN.md as a table the orchestration asserts against.
/// </summary>
/// <remarks>
/// Three loops are worth knowing. A medical no-show goes back to <see cref="CaseStage.DocumentsVerified"/> (book
/// again), at most twice (<c>MedicalRules</c>). A medical that expires before clearance is granted (even while the
/// PoE decides) is redone from <see cref="CaseStage.DocumentsVerified"/>, after which an applicant already insured
/// goes straight back to <see cref="CaseStage.Insured"/>. A PoE send-back is handled in <see cref="CaseStage.ClearanceSentBack"/> itself
/// (re-upload and review happen there) and returns to <see cref="CaseStage.Insured"/> for resubmission, or to
/// <see cref="CaseStage.DocumentsVerified"/> when the medical must be redone.
/// </remarks>
public static class CaseTransitions
{
    private static readonly FrozenDictionary<CaseStage, FrozenSet<CaseStage>> Moves = Build();

    /// <summary>Whether a case may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool CanMove(CaseStage from, CaseStage to) => Moves[from].Contains(to);

    /// <summary>The stages reachable in one move from <paramref name="from"/>.</summary>
    public static IReadOnlyCollection<CaseStage> From(CaseStage from) => Moves[from];

    private static FrozenDictionary<CaseStage, FrozenSet<CaseStage>> Build()
    {
        var forward = new Dictionary<CaseStage, CaseStage[]>
        {
            [CaseStage.Registered] = [CaseStage.AwaitingDocuments],
            [CaseStage.AwaitingDocuments] = [CaseStage.DocumentsSentBack, CaseStage.DocumentsVerified],
            [CaseStage.DocumentsSentBack] = [CaseStage.AwaitingDocuments],
            [CaseStage.DocumentsVerified] = [CaseStage.MedicalBooked],
            [CaseStage.MedicalBooked] = [CaseStage.MedicalFit, CaseStage.MedicalUnfit, CaseStage.DocumentsVerified],
            [CaseStage.MedicalFit] = [CaseStage.InsuranceRequested, CaseStage.Insured, CaseStage.DocumentsVerified],
            [CaseStage.InsuranceRequested] = [CaseStage.Insured, CaseStage.DocumentsVerified],
            [CaseStage.Insured] = [CaseStage.ClearanceSubmitted, CaseStage.DocumentsVerified],
            [CaseStage.ClearanceSubmitted] = [CaseStage.Cleared, CaseStage.ClearanceSentBack, CaseStage.ClearanceRejected, CaseStage.DocumentsVerified],
            [CaseStage.ClearanceSentBack] = [CaseStage.Insured, CaseStage.DocumentsVerified],
        };

        // Any open stage can end by withdrawal or by a deadline.
        return CaseStages.All.ToFrozenDictionary(
            stage => stage,
            stage => stage.IsTerminal()
                ? FrozenSet<CaseStage>.Empty
                : forward[stage].Append(CaseStage.Withdrawn).Append(CaseStage.Expired).ToFrozenSet());
    }
}
