using Emigrate.Domain.Cases;

namespace Emigrate.Domain.Medical;

/// <summary>The rules around the pre-departure medical.</summary>
public static class MedicalRules
{
    /// <summary>Days a fit certificate stays valid.</summary>
    public const int ValidityDays = 90;

    /// <summary>Times a case may book again after a no-show.</summary>
    public const int MaxRebooks = 2;

    /// <summary>
    /// The stage a result moves the case to. <paramref name="noShowsIncludingThis"/> counts this result if it is
    /// a no-show: the first two send the case back to booking, the third ends it as expired (product decision:
    /// no stage fits better, and the case cannot progress without a medical).
    /// </summary>
    public static CaseStage StageAfter(MedicalResult result, int noShowsIncludingThis) => result switch
    {
        MedicalResult.Fit => CaseStage.MedicalFit,
        MedicalResult.Unfit => CaseStage.MedicalUnfit,
        MedicalResult.NoShow when noShowsIncludingThis <= MaxRebooks => CaseStage.DocumentsVerified,
        MedicalResult.NoShow => CaseStage.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    /// <summary>Whether a centre with <paramref name="booked"/> appointments on a day can take one more.</summary>
    public static bool HasRoom(int booked, int dailyCapacity) => booked < dailyCapacity;

    /// <summary>
    /// <see langword="null"/> when <paramref name="date"/> can be booked: a future day, before the clearance
    /// deadline when one is known (a medical after it would be of no use).
    /// </summary>
    public static string? CheckBookingDate(DateOnly date, DateOnly today, DateOnly? clearanceDeadline)
    {
        if (date <= today)
        {
            return "The appointment must be on a future day.";
        }

        return clearanceDeadline is { } deadline && date >= deadline
            ? $"The appointment must be before the clearance deadline ({deadline:yyyy-MM-dd})."
            : null;
    }
}
