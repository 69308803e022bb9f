using System.Globalization;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Medical;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>The input of one booked medical.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Booking">The booking event (centre, day, appointment time).</param>
/// <param name="NoShowsSoFar">No-shows before this booking.</param>
/// <param name="Deadline">When the case expires if no result came.</param>
public sealed record MedicalInput(string CaseId, CaseEvent Booking, int NoShowsSoFar, DateTimeOffset Deadline);

/// <summary>One booked medical as a sub-orchestration: the reminder the day before, then fit, unfit or no-show.</summary>
public static class MedicalOrchestration
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "CaseMedical";

    /// <summary>The instance id of a case's <paramref name="booking"/>-th medical.</summary>
    public static string InstanceId(string caseId, int booking) => $"{caseId}-medical-{booking}";

    /// <summary>What the case row keeps of a booking (recorded with <c>medicalBooked</c> by the case orchestration).</summary>
    public static IReadOnlyDictionary<string, string> BookingFacts(CaseEvent booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new Dictionary<string, string>
        {
            ["MedicalCentreId"] = booking.CentreId ?? "",
            ["MedicalDate"] = DateOf(booking),
            ["MedicalResult"] = "",
        };
    }

    /// <summary>Runs the phase (the case orchestration recorded <c>medicalBooked</c>); records the stage it ends in.</summary>
    public static async Task<PhaseOutcome> RunAsync(TaskOrchestrationContext context, MedicalInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var steps = new CaseSteps(context, input.CaseId);
        var inbox = new CaseInbox(context);
        CaseEvent booking = input.Booking;
        string date = DateOf(booking);
        steps.ShowStatus(CaseStage.MedicalBooked);
        if (booking.AppointmentAt is { } appointment)
        {
            await steps.ScheduleReminderAsync(ReminderReason.MedicalTomorrow, date, OutboundPolicy.MedicalReminderTime(appointment));
        }

        CaseEvent? received = await inbox.NextAsync(input.Deadline, CaseEventKind.MedicalResult);
        await steps.CancelReminderAsync(ReminderReason.MedicalTomorrow);
        if (received is null || received.Kind == CaseEventKind.Withdraw)
        {
            CaseStage end = received is null ? CaseStage.Expired : CaseStage.Withdrawn;
            await steps.RecordAsync(end, received is null ? "No medical result before the clearance deadline." : received.Reason);
            return new PhaseOutcome(end, NoShows: input.NoShowsSoFar, LastSequence: inbox.LastSequence);
        }

        MedicalResult result = received.Result ?? MedicalResult.NoShow;
        int noShows = input.NoShowsSoFar + (result == MedicalResult.NoShow ? 1 : 0);
        CaseStage next = MedicalRules.StageAfter(result, noShows);
        DateTimeOffset? expiresAt = result == MedicalResult.Fit ? steps.Now.AddDays(MedicalRules.ValidityDays) : null;
        var resultFacts = new Dictionary<string, string>
        {
            ["MedicalResult"] = WireNames(result),
            ["MedicalCertificateRef"] = received.CertificateRef ?? "",
            ["MedicalExpiresAt"] = expiresAt?.ToString("O", CultureInfo.InvariantCulture) ?? "",
            ["MedicalNoShows"] = noShows.ToString(CultureInfo.InvariantCulture),
        };
        string? note = next == CaseStage.Expired ? $"No-show {noShows} times; at most {MedicalRules.MaxRebooks} rebookings." : null;
        await steps.RecordAsync(next, note, resultFacts);
        return new PhaseOutcome(next, expiresAt, noShows, inbox.LastSequence);
    }

    private static string DateOf(CaseEvent booking) => booking.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string WireNames(MedicalResult result) => Domain.WireNames.Of(result);
}
