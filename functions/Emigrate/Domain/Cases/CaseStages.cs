using System.Collections.Frozen;

namespace Emigrate.Domain.Cases;

/// <summary>Facts about stages.</summary>
public static class CaseStages
{
    private static readonly FrozenSet<CaseStage> Terminal =
        new[] { CaseStage.MedicalUnfit, CaseStage.Cleared, CaseStage.ClearanceRejected, CaseStage.Withdrawn, CaseStage.Expired }.ToFrozenSet();

    /// <summary>Every stage, in process order.</summary>
    public static IReadOnlyList<CaseStage> All { get; } = Enum.GetValues<CaseStage>();

    /// <summary>The stages a case can still move on from.</summary>
    public static IReadOnlyList<CaseStage> Open { get; } = All.Where(s => !Terminal.Contains(s)).ToArray();

    /// <summary>Whether the case has ended in this stage.</summary>
    public static bool IsTerminal(this CaseStage stage) => Terminal.Contains(stage);

    /// <summary>The camelCase name used on the wire and in messages (<c>awaitingDocuments</c>).</summary>
    public static string WireName(this CaseStage stage) => WireNames.Of(stage);
}
