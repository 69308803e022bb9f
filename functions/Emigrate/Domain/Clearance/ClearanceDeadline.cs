namespace Emigrate.Domain.Clearance;

/// <summary>The day by which clearance must have been granted, and what sets it.</summary>
/// <param name="Date">Clearance must be granted before this day (the first day it is too late).</param>
/// <param name="Cause">The document whose expiry sets the date.</param>
public sealed record ClearanceDeadline(DateOnly Date, DeadlineCause Cause)
{
    /// <summary>Months of passport validity that must remain.</summary>
    public const int PassportMonthsToSpare = 6;

    /// <summary>
    /// The earliest of visa expiry, passport expiry minus six months and medical expiry. On a tie the medical
    /// wins, then the passport: a medical can be redone, the others need new documents, so it is the actionable
    /// cause to report.
    /// </summary>
    /// <param name="visaExpiry">Visa expiry date.</param>
    /// <param name="passportExpiry">Passport expiry date.</param>
    /// <param name="medicalExpiresOn">First day the fit certificate is invalid; null before a medical.</param>
    public static ClearanceDeadline Compute(DateOnly visaExpiry, DateOnly passportExpiry, DateOnly? medicalExpiresOn)
    {
        var candidates = new List<ClearanceDeadline>(3);
        if (medicalExpiresOn is { } medical)
        {
            candidates.Add(new ClearanceDeadline(medical, DeadlineCause.MedicalExpiry));
        }

        candidates.Add(new ClearanceDeadline(passportExpiry.AddMonths(-PassportMonthsToSpare), DeadlineCause.PassportValidity));
        candidates.Add(new ClearanceDeadline(visaExpiry, DeadlineCause.VisaExpiry));
        return candidates.MinBy(c => c.Date)!;
    }

    /// <summary>Whether clearance can no longer be granted on <paramref name="today"/>.</summary>
    public bool IsMissed(DateOnly today) => today >= Date;
}
