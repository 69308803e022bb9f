namespace Emigrate.Domain.Insurance;

/// <summary>
/// Pravasi Bharatiya Bima Yojana, the mandatory insurance for ECR emigrants: the published terms.
/// </summary>
public static class Pbby
{
    /// <summary>Sum insured for accidental death or permanent disability: ₹10 lakh.</summary>
    public const decimal CoverRupees = 10_00_000m;

    /// <summary>Youngest insurable age.</summary>
    public const int MinimumAge = 18;

    /// <summary>Oldest insurable age.</summary>
    public const int MaximumAge = 60;

    /// <summary>The premium in rupees: ₹275 for a 2-year policy, ₹375 for 3 years (including GST).</summary>
    public static decimal PremiumRupees(int years) => years switch
    {
        2 => 275m,
        3 => 375m,
        _ => throw new ArgumentOutOfRangeException(nameof(years), years, "PBBY policies run for 2 or 3 years."),
    };
}
