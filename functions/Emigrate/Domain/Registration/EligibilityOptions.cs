namespace Emigrate.Domain.Registration;

/// <summary>The tunable numbers of the eligibility rules (bind from configuration section <c>Eligibility</c>).</summary>
public sealed class EligibilityOptions
{
    /// <summary>Youngest age, in completed years, at registration and at departure.</summary>
    public int MinimumAge { get; set; } = 18;

    /// <summary>Oldest age at departure (PBBY insures up to 60).</summary>
    public int MaximumAge { get; set; } = 60;

    /// <summary>Youngest age at departure for a woman on an ECR passport who is not a nurse.</summary>
    public int MinimumAgeForWomenOnEcrPassport { get; set; } = 30;

    /// <summary>How long past the intended departure the passport must stay valid.</summary>
    public int PassportValidityMonthsAfterDeparture { get; set; } = 6;

    /// <summary>
    /// Destinations (ISO alpha-2) for which clearance is suspended. <see langword="null"/> uses the reference data
    /// file; a list here replaces it, so a suspension can be lifted or added by configuration alone.
    /// </summary>
    public IList<string>? SuspendedDestinations { get; set; }
}
