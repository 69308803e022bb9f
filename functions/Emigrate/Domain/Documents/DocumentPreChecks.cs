namespace Emigrate.Domain.Documents;

/// <summary>
/// Automatic checks run on upload, before a verifier looks: <see langword="null"/> when passed, otherwise the
/// problem to show.
/// </summary>
/// <remarks>
/// The dates come from the upload form (the CSC operator types the passport's and the visa's expiry dates next to
/// the file), falling back for the passport to the expiry given at registration. We read no dates out of images.
/// </remarks>
public static class DocumentPreChecks
{
    /// <summary>The passport must be valid at least <paramref name="months"/> months past the intended departure.</summary>
    public static string? Passport(DateOnly passportExpiry, DateOnly intendedDeparture, int months = 6) =>
        passportExpiry >= intendedDeparture.AddMonths(months)
            ? null
            : $"The passport must be valid at least {months} months after the intended departure ({intendedDeparture.AddMonths(months):yyyy-MM-dd}).";

    /// <summary>
    /// The visa must not have expired, and must still be valid on the intended departure date (product decision:
    /// a visa that lapses before the flight is of no use).
    /// </summary>
    public static string? Visa(DateOnly visaExpiry, DateOnly today, DateOnly intendedDeparture) =>
        visaExpiry < today ? "The visa has expired."
        : visaExpiry < intendedDeparture ? $"The visa expires before the intended departure ({intendedDeparture:yyyy-MM-dd})."
        : null;
}
