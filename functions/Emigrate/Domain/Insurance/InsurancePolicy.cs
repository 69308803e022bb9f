namespace Emigrate.Domain.Insurance;

/// <summary>A PBBY policy as posted by the insurer.</summary>
/// <param name="PolicyNumber">The insurer's policy number.</param>
/// <param name="Insurer">Insurer id (<c>ins-…</c>).</param>
/// <param name="StartsOn">First day of cover.</param>
/// <param name="EndsOn">Last day of cover.</param>
/// <param name="PremiumRupees">Premium charged.</param>
public sealed record InsurancePolicy(string PolicyNumber, string Insurer, DateOnly StartsOn, DateOnly EndsOn, decimal PremiumRupees);
