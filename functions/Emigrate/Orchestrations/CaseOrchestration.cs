using System.Globalization;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Clearance;
using Emigrate.Domain.Time;
using Emigrate.Sms;
using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>
/// One case from registration to its end (instance id = case id): documents and medical run as sub-orchestrations;
/// insurance and clearance are waits here. Every wait races the deadline that applies, and a withdrawal.
/// </summary>
/// <remarks>
/// Every case event is raised here; while a phase runs, this orchestration passes each one on, numbered, and takes
/// back those the phase ended without reading. The stage that opens a phase is recorded here before the phase
/// starts, so the portal's stage checks never see a phase that is not yet ready for its events.
/// </remarks>
/// <remarks>
/// <para>Replay hazard: the order of activity, timer and sub-orchestration calls is the history's order. Change it only
/// for new instances (a new orchestrator name) once cases run in production.</para>
/// </remarks>
public sealed class CaseOrchestration
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Case";

    private readonly TaskOrchestrationContext context;
    private readonly CaseStart start;
    private readonly CaseSteps steps;
    private readonly CaseInbox inbox;
    private long forwarded;
    private int documentRounds;
    private int medicalBookings;
    private int noShows;
    private bool insured;
    private DateTimeOffset? medicalExpiresAt;

    private CaseOrchestration(TaskOrchestrationContext context, CaseStart start)
    {
        this.context = context;
        this.start = start;
        this.steps = new CaseSteps(context, start.CaseId);
        this.inbox = new CaseInbox(context);
    }

    /// <summary>Runs a case to its end and returns the final stage.</summary>
    public static Task<CaseStage> RunAsync(TaskOrchestrationContext context, CaseStart start)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(start);
        return new CaseOrchestration(context, start).RunAsync();
    }

    /// <summary>The clearance deadline, brought forward by a medical that expires first (then it means "book again").</summary>
    private DateTimeOffset Deadline =>
        this.medicalExpiresAt is { } medical && medical < this.start.ClearanceDue ? medical : this.start.ClearanceDue;

    private async Task<CaseStage> RunAsync()
    {
        await this.steps.SendSmsAsync(SmsTemplates.RegistrationAcknowledgement);
        DateTimeOffset documentsDue = this.start.DocumentsDue < this.start.ClearanceDue ? this.start.DocumentsDue : this.start.ClearanceDue;
        CaseStage stage = await this.DocumentsAsync(afterSendBack: false, documentsDue);
        while (!stage.IsTerminal())
        {
            stage = stage switch
            {
                CaseStage.DocumentsVerified => await this.MedicalAsync(),
                CaseStage.MedicalFit => await this.InsuranceRequestAsync(),
                CaseStage.InsuranceRequested => await this.PolicyAsync(),
                CaseStage.Insured => await this.SubmissionAsync(),
                CaseStage.ClearanceSubmitted => await this.DecisionAsync(),
                CaseStage.ClearanceSentBack => await this.AfterSendBackAsync(),
                _ => throw new InvalidOperationException($"The case orchestration does not wait in stage {stage.WireName()}."),
            };
        }

        return stage;
    }

    private async Task<CaseStage> DocumentsAsync(bool afterSendBack, DateTimeOffset due)
    {
        this.documentRounds++;

        // After a PoE send-back the decision already recorded clearanceSentBack (with its reason).
        if (!afterSendBack)
        {
            await this.steps.RecordAsync(CaseStage.AwaitingDocuments);
        }

        PhaseOutcome outcome = await this.RunPhaseAsync(
            DocumentsOrchestration.Name,
            new DocumentsInput(this.start.CaseId, afterSendBack, due, this.documentRounds),
            DocumentsOrchestration.InstanceId(this.start.CaseId, this.documentRounds));

        // The phase recorded where it ended (after a send-back the case records next): status queries follow it.
        if (!afterSendBack)
        {
            this.steps.ShowStatus(outcome.Stage);
        }

        return outcome.Stage;
    }

    private async Task<CaseStage> MedicalAsync()
    {
        CaseEvent? booking = await this.inbox.NextAsync(this.start.ClearanceDue, CaseEventKind.MedicalBooked);
        if (booking is null || booking.Kind == CaseEventKind.Withdraw)
        {
            return await this.EndAsync(booking);
        }

        this.medicalBookings++;
        this.medicalExpiresAt = null;
        await this.steps.RecordAsync(CaseStage.MedicalBooked, facts: MedicalOrchestration.BookingFacts(booking));
        PhaseOutcome outcome = await this.RunPhaseAsync(
            MedicalOrchestration.Name,
            new MedicalInput(this.start.CaseId, booking, this.noShows, this.start.ClearanceDue),
            MedicalOrchestration.InstanceId(this.start.CaseId, this.medicalBookings));
        this.noShows = outcome.NoShows;
        this.medicalExpiresAt = outcome.MedicalExpiresAt;
        this.steps.ShowStatus(outcome.Stage);

        // A medical redone for a case already insured goes straight back to insured.
        if (outcome.Stage == CaseStage.MedicalFit && this.insured)
        {
            await this.steps.RecordAsync(CaseStage.Insured, "Medical redone; insurance still in force.");
            return CaseStage.Insured;
        }

        return outcome.Stage;
    }

    /// <summary>Runs a phase, passing on the case's events until it ends; takes back the events it did not read.</summary>
    private async Task<PhaseOutcome> RunPhaseAsync(string orchestrator, object input, string phaseId)
    {
        Task<PhaseOutcome> phase = this.context.CallSubOrchestratorAsync<PhaseOutcome>(orchestrator, input, new SubOrchestrationOptions(phaseId));
        var passedOn = new List<CaseEvent>();
        while (await this.inbox.NextUntilAsync(phase) is { } received)
        {
            CaseEvent numbered = received with { Sequence = ++this.forwarded };
            passedOn.Add(numbered);
            await this.steps.ForwardAsync(phaseId, numbered);
        }

        PhaseOutcome outcome = await phase;
        this.inbox.HoldBack(passedOn.Where(e => e.Sequence > outcome.LastSequence));
        return outcome;
    }

    private async Task<CaseStage> InsuranceRequestAsync()
    {
        CaseEvent? request = await this.inbox.NextAsync(this.Deadline, CaseEventKind.InsuranceRequested);
        if (request is null || request.Kind == CaseEventKind.Withdraw)
        {
            return await this.EndOrRedoMedicalAsync(request);
        }

        await this.steps.RecordAsync(CaseStage.InsuranceRequested, facts: new Dictionary<string, string>
        {
            ["InsurerId"] = request.InsurerId ?? "",
            ["InsuranceYears"] = request.Years?.ToString(CultureInfo.InvariantCulture) ?? "",
        });
        return CaseStage.InsuranceRequested;
    }

    private async Task<CaseStage> PolicyAsync()
    {
        CaseEvent? policy = await this.inbox.NextAsync(this.Deadline, CaseEventKind.PolicyIssued);
        if (policy is null || policy.Kind == CaseEventKind.Withdraw)
        {
            return await this.EndOrRedoMedicalAsync(policy);
        }

        this.insured = true;
        await this.steps.RecordAsync(CaseStage.Insured, facts: new Dictionary<string, string> { ["PolicyNumber"] = policy.PolicyNumber ?? "" });
        return CaseStage.Insured;
    }

    private async Task<CaseStage> SubmissionAsync()
    {
        CaseEvent? submission = await this.inbox.NextAsync(this.Deadline, CaseEventKind.ClearanceSubmitted);
        if (submission is null || submission.Kind == CaseEventKind.Withdraw)
        {
            return await this.EndOrRedoMedicalAsync(submission);
        }

        string arn = submission.Arn ?? "";
        await this.steps.RecordAsync(CaseStage.ClearanceSubmitted, facts: new Dictionary<string, string>
        {
            ["Arn"] = arn,
            ["SubmittedAt"] = this.steps.Now.ToString("O", CultureInfo.InvariantCulture),
        });
        var options = new DeadlineOptions { EscalationWorkingDays = this.start.EscalationWorkingDays };
        await this.steps.ScheduleReminderAsync(
            ReminderReason.ClearanceOverdue, arn, CaseDeadlines.EscalationDue(this.steps.Now, options, WorkingCalendar.WeekendsOnly));
        return CaseStage.ClearanceSubmitted;
    }

    private async Task<CaseStage> DecisionAsync()
    {
        // A medical that expires while the PoE decides must be redone (DOMAIN.md): clearance must come before it.
        CaseEvent? decision = await this.inbox.NextAsync(this.Deadline, CaseEventKind.ClearanceDecided);
        await this.steps.CancelReminderAsync(ReminderReason.ClearanceOverdue);
        if (decision is null || decision.Kind == CaseEventKind.Withdraw)
        {
            return await this.EndOrRedoMedicalAsync(decision);
        }

        string reason = decision.Reason ?? "";
        switch (decision.Decision)
        {
            case ClearanceDecision.Grant:
                string ecNumber = decision.EcNumber ?? "";
                await this.steps.RecordAsync(CaseStage.Cleared, facts: new Dictionary<string, string> { ["EcNumber"] = ecNumber });
                await this.steps.SendSmsAsync(SmsTemplates.Cleared, new Dictionary<string, string> { ["ecNumber"] = ecNumber });
                return CaseStage.Cleared;
            case ClearanceDecision.Reject:
                await this.steps.RecordAsync(CaseStage.ClearanceRejected, reason);
                await this.steps.SendSmsAsync(SmsTemplates.ClearanceRejected);
                return CaseStage.ClearanceRejected;
            default:
                // Reopened before the stage says so: an upload the stage allows must not be reopened after it.
                await this.context.CallActivityAsync(CaseActivityNames.ReopenDocuments, new ReopenDocuments(this.start.CaseId, reason));
                await this.steps.RecordAsync(CaseStage.ClearanceSentBack, reason);
                await this.steps.SendSmsAsync(SmsTemplates.ClearanceSentBack);
                return CaseStage.ClearanceSentBack;
        }
    }

    private async Task<CaseStage> AfterSendBackAsync()
    {
        // Corrections are due by the clearance deadline (DOMAIN.md is silent). A medical expiring meanwhile does not
        // end the phase: it is redone afterwards.
        CaseStage documents = await this.DocumentsAsync(afterSendBack: true, this.start.ClearanceDue);
        if (documents.IsTerminal())
        {
            return documents;
        }

        if (this.medicalExpiresAt is { } expiry && this.steps.Now >= expiry)
        {
            this.medicalExpiresAt = null;
            await this.steps.RecordAsync(CaseStage.DocumentsVerified, "The medical expired; book a new one.");
            return CaseStage.DocumentsVerified;
        }

        await this.steps.RecordAsync(CaseStage.Insured, "Documents corrected; submit again.");
        return CaseStage.Insured;
    }

    /// <summary>A passed deadline: the medical expired first (book again), or the clearance deadline (expired).</summary>
    private async Task<CaseStage> EndOrRedoMedicalAsync(CaseEvent? received)
    {
        if (received is null && this.medicalExpiresAt is { } expiry && expiry < this.start.ClearanceDue)
        {
            this.medicalExpiresAt = null;
            await this.steps.RecordAsync(CaseStage.DocumentsVerified, "The medical expired; book a new one.");
            return CaseStage.DocumentsVerified;
        }

        return await this.EndAsync(received);
    }

    /// <summary>Withdrawn when <paramref name="received"/> is the withdrawal; expired when it is null (the deadline passed).</summary>
    private async Task<CaseStage> EndAsync(CaseEvent? received)
    {
        CaseStage end = received is null ? CaseStage.Expired : CaseStage.Withdrawn;
        await this.steps.RecordAsync(end, received is null ? "A deadline passed." : received.Reason);
        return end;
    }
}
