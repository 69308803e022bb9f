using Emigrate.Domain.Cases;

namespace Emigrate.Data.Cases;

/// <summary>One change of one case on one list, waiting in <see cref="CaseListWriter"/>'s queue for its list.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Put">The entry to put on the list (or to refresh there); null to take the case off.</param>
/// <param name="Conditional">Whether the change applies only while the case's entry shows <paramref name="Showing"/>.</param>
/// <param name="Showing">The stage the entry must show (null: the case must not be on the list).</param>
internal sealed record CaseListChange(string CaseId, CaseListEntry? Put, bool Conditional = false, CaseStage? Showing = null)
{
    /// <summary>True once written (or found written already); false when the condition did not hold.</summary>
    public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Whether the entry the list holds now meets the condition.</summary>
    public bool Holds(CaseListEntry? current) => !this.Conditional || current?.Stage == this.Showing;
}
