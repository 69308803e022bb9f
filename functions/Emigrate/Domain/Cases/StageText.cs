namespace Emigrate.Domain.Cases;

/// <summary>How a stage is told to an applicant: a short label and the next step.</summary>
/// <param name="Label">The stage in a few words (<c>Documents sent back</c>).</param>
/// <param name="NextStep">What happens next or what to do, one short sentence.</param>
public sealed record StageText(string Label, string NextStep);
