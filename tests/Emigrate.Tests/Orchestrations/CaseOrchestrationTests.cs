using Emigrate.Domain.Cases;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Medical;
using Emigrate.Orchestrations;
using Emigrate.Sms;
using Serverless.Durable;

namespace Emigrate.Tests.Orchestrations;

public sealed class CaseOrchestrationTests : IAsyncLifetime
{
    private CaseWorld world = null!;

    public async Task InitializeAsync() => this.world = await CaseWorld.StartAsync();

    public async Task DisposeAsync() => await this.world.DisposeAsync();

    [Fact]
    public async Task A_case_runs_from_registration_to_cleared_through_every_stage()
    {
        await this.world.ToSubmittedAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant, EcNumber = "EC-77" });

        var done = await this.world.CompletionAsync();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(
            [CaseStage.AwaitingDocuments, CaseStage.DocumentsVerified, CaseStage.MedicalBooked, CaseStage.MedicalFit,
             CaseStage.InsuranceRequested, CaseStage.Insured, CaseStage.ClearanceSubmitted, CaseStage.Cleared],
            this.world.StagePath);
        Assert.Equal("EC-77", this.world.Stages.Last().Facts!["EcNumber"]);
        Assert.Equal([SmsTemplates.RegistrationAcknowledgement, SmsTemplates.Cleared], this.world.Sms.Select(s => s.TemplateKey));
    }

    [Fact]
    public async Task Every_recorded_move_is_one_the_stage_table_allows()
    {
        await this.world.ToSubmittedAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant, EcNumber = "EC-1" });

        var path = new[] { CaseStage.Registered }.Concat(this.world.StagePath).ToList();
        for (int i = 1; i < path.Count; i++)
        {
            Assert.True(path[i - 1] == path[i] || CaseTransitions.CanMove(path[i - 1], path[i]), $"{path[i - 1]} -> {path[i]}");
        }
    }

    [Fact]
    public async Task Events_are_raised_on_the_case_which_passes_them_on_to_the_documents_and_medical_phases()
    {
        await this.world.RegisterAsync();
        Assert.All(this.world.Stages, s => Assert.Equal(CaseWorld.CaseId, s.EventTarget));

        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        Assert.Equal(DocumentsOrchestration.InstanceId(CaseWorld.CaseId, 1), Assert.Single(this.world.Forwarded).InstanceId);

        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "CERT-1" });
        Assert.Equal(MedicalOrchestration.InstanceId(CaseWorld.CaseId, 1), this.world.Forwarded.Last().InstanceId);
        Assert.Equal(CaseStage.MedicalFit, this.world.Stage);
        Assert.All(this.world.Stages, s => Assert.Equal(CaseWorld.CaseId, s.EventTarget));
    }

    [Fact]
    public async Task A_sent_back_document_moves_the_case_to_documents_sent_back_and_reminds_the_applicant_once_per_round()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Visa });
        Assert.Equal(CaseStage.DocumentsSentBack, this.world.Stage);

        this.world.Documents = new DocumentsStatus(false, [], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentUploaded) { DocumentType = DocumentType.Visa });
        Assert.Equal(CaseStage.AwaitingDocuments, this.world.Stage);

        this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 2);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Visa });
        this.world.Documents = new DocumentsStatus(true, [], 2);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Visa });

        Assert.Equal(
            [CaseStage.AwaitingDocuments, CaseStage.DocumentsSentBack, CaseStage.AwaitingDocuments, CaseStage.DocumentsSentBack,
             CaseStage.AwaitingDocuments, CaseStage.DocumentsVerified],
            this.world.StagePath);
        Assert.Equal(2, this.world.Reminders.Count(r => r.Reason == ReminderReason.DocumentsSentBack));
        Assert.Contains(this.world.Cancelled, c => c.Reason == ReminderReason.DocumentsSentBack);
    }

    [Fact]
    public async Task Documents_not_complete_within_thirty_days_expire_the_case()
    {
        await this.world.RegisterAsync();
        Assert.Contains(this.world.Reminders, r => r.Reason == ReminderReason.DocumentsPending && r.DueAt == CaseWorld.Start.AddDays(23));

        await this.world.AdvanceAsync(TimeSpan.FromDays(29));
        Assert.Equal(CaseStage.AwaitingDocuments, this.world.Stage);
        await this.world.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal(CaseStage.Expired, this.world.Stage);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await this.world.CompletionAsync()).RuntimeStatus);
    }

    [Fact]
    public async Task Withdrawal_while_documents_are_awaited_ends_the_case()
    {
        await this.world.RegisterAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.Withdraw) { Reason = "Changed plans" });

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Equal("Changed plans", this.world.Stages.Last().Note);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await this.world.CompletionAsync()).RuntimeStatus);
    }

    [Fact]
    public async Task Withdrawal_while_a_medical_is_booked_ends_the_case_and_cancels_the_reminder()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.BookAsync();
        Assert.Contains(this.world.Reminders, r => r.Reason == ReminderReason.MedicalTomorrow);

        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.Withdraw) { Reason = "Ill" });

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Contains(this.world.Cancelled, c => c.Reason == ReminderReason.MedicalTomorrow);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, (await this.world.CompletionAsync()).RuntimeStatus);
    }

    [Theory]
    [InlineData(CaseStage.MedicalFit)]
    [InlineData(CaseStage.InsuranceRequested)]
    [InlineData(CaseStage.Insured)]
    [InlineData(CaseStage.ClearanceSubmitted)]
    public async Task Withdrawal_is_possible_from_every_later_open_stage(CaseStage at)
    {
        await this.world.ToMedicalFitAsync();
        if (at >= CaseStage.InsuranceRequested)
        {
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = "ins-1", Years = 2 });
        }

        if (at >= CaseStage.Insured)
        {
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.PolicyIssued) { PolicyNumber = "P" });
        }

        if (at >= CaseStage.ClearanceSubmitted)
        {
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "ARN-1" });
        }

        Assert.Equal(at, this.world.Stage);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.Withdraw) { Reason = "No longer going" });

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task An_unfit_result_ends_the_case()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Unfit });

        Assert.Equal(CaseStage.MedicalUnfit, this.world.Stage);
        Assert.Equal(CaseStage.MedicalUnfit, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task Two_no_shows_allow_rebooking_and_a_third_expires_the_case()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        for (int i = 1; i <= 2; i++)
        {
            await this.world.BookAsync();
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.NoShow });
            Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
        }

        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.NoShow });
        Assert.Equal(MedicalOrchestration.InstanceId(CaseWorld.CaseId, 3), this.world.Forwarded.Last().InstanceId);

        Assert.Equal(CaseStage.Expired, this.world.Stage);
        Assert.Equal(CaseStage.Expired, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task A_rebooked_medical_after_a_no_show_can_still_be_fit()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.NoShow });
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "C" });

        Assert.Equal(CaseStage.MedicalFit, this.world.Stage);
        Assert.Equal("1", this.world.Stages.Last().Facts!["MedicalNoShows"]);
    }

    [Fact]
    public async Task A_clearance_send_back_reopens_documents_and_returns_the_case_to_insured_for_resubmission()
    {
        await this.world.ToSubmittedAsync();
        this.world.Documents = new DocumentsStatus(false, [DocumentType.EmploymentContract], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.SendBack, Reason = "Contract unsigned" });

        Assert.Equal(CaseStage.ClearanceSentBack, this.world.Stage);
        Assert.Equal("Contract unsigned", this.world.Stages.Last().Note);
        Assert.Equal("Contract unsigned", Assert.Single(this.world.Reopened).Reason);
        Assert.Contains(this.world.Sms, s => s.TemplateKey == SmsTemplates.ClearanceSentBack);
        Assert.Contains(this.world.Cancelled, c => c.Reason == ReminderReason.ClearanceOverdue);

        this.world.Documents = new DocumentsStatus(true, [], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        Assert.Equal(DocumentsOrchestration.InstanceId(CaseWorld.CaseId, 2), this.world.Forwarded.Last().InstanceId);
        Assert.Equal(CaseStage.Insured, this.world.Stage);

        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "ARN-2" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant, EcNumber = "EC-2" });
        Assert.Equal(CaseStage.Cleared, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task A_rejected_clearance_ends_the_case_and_tells_the_applicant()
    {
        await this.world.ToSubmittedAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Reject, Reason = "Forged visa" });

        Assert.Equal(CaseStage.ClearanceRejected, this.world.Stage);
        Assert.Contains(this.world.Sms, s => s.TemplateKey == SmsTemplates.ClearanceRejected);
        Assert.Equal(CaseStage.ClearanceRejected, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task A_submission_schedules_the_overdue_escalation_one_working_day_later()
    {
        await this.world.ToSubmittedAsync();

        var escalation = Assert.Single(this.world.Reminders, r => r.Reason == ReminderReason.ClearanceOverdue);
        Assert.Equal("ARN-1", escalation.Occurrence);
        Assert.True(escalation.DueAt > this.world.Clock.GetUtcNow());
    }

    [Fact]
    public async Task A_medical_booking_schedules_the_reminder_for_the_day_before()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.BookAsync();

        var reminder = Assert.Single(this.world.Reminders, r => r.Reason == ReminderReason.MedicalTomorrow);
        Assert.True(reminder.DueAt <= this.world.Clock.GetUtcNow().AddDays(2).AddHours(12));
    }

    [Fact]
    public async Task A_medical_that_expires_before_submission_sends_an_insured_case_back_to_booking_and_then_straight_to_insured()
    {
        await this.world.ToInsuredAsync();
        await this.world.AdvanceAsync(TimeSpan.FromDays(MedicalRules.ValidityDays));

        Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "C2" });

        Assert.Equal([CaseStage.MedicalFit, CaseStage.Insured], this.world.StagePath.TakeLast(2));
    }

    [Fact]
    public async Task A_medical_that_expires_while_the_poe_decides_is_redone_and_the_case_resubmitted()
    {
        await this.world.ToSubmittedAsync();
        await this.world.AdvanceAsync(TimeSpan.FromDays(MedicalRules.ValidityDays));

        Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
        Assert.Contains(this.world.Cancelled, c => c.Reason == ReminderReason.ClearanceOverdue);
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "C2" });
        Assert.Equal(CaseStage.Insured, this.world.Stage);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "ARN-2" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant, EcNumber = "EC-9" });
        Assert.Equal(CaseStage.Cleared, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task The_clearance_deadline_expires_a_case_waiting_for_a_medical_booking()
    {
        await this.world.RegisterAsync(clearanceDue: TimeSpan.FromDays(40));
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.AdvanceAsync(TimeSpan.FromDays(40));

        Assert.Equal(CaseStage.Expired, this.world.Stage);
    }

    [Fact]
    public async Task The_clearance_deadline_before_the_documents_deadline_expires_the_documents_phase_then()
    {
        await this.world.RegisterAsync(clearanceDue: TimeSpan.FromDays(10));
        await this.world.AdvanceAsync(TimeSpan.FromDays(10));

        Assert.Equal(CaseStage.Expired, this.world.Stage);
    }

    [Fact]
    public async Task An_event_that_does_not_fit_the_stage_changes_nothing()
    {
        await this.world.ToMedicalFitAsync();
        int before = this.world.Stages.Count;
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.PolicyIssued) { PolicyNumber = "P" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant });

        Assert.Equal(before, this.world.Stages.Count);
        Assert.Equal(CaseStage.MedicalFit, this.world.Stage);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = "ins-1", Years = 3 });
        Assert.Equal(CaseStage.InsuranceRequested, this.world.Stage);
    }

    [Fact]
    public async Task The_custom_status_holds_the_stage_and_the_next_step()
    {
        await this.world.RegisterAsync();
        foreach (string instance in new[] { CaseWorld.CaseId, DocumentsOrchestration.InstanceId(CaseWorld.CaseId, 1) })
        {
            var metadata = await this.world.Client.GetInstanceAsync(instance, getInputsAndOutputs: true);
            var status = metadata!.ReadCustomStatusAs<CaseStatus>();
            Assert.Equal(CaseStage.AwaitingDocuments, status!.Stage);
            Assert.Equal("Upload documents at your CSC.", status.NextStep);
        }
    }

    [Fact]
    public async Task The_case_custom_status_follows_the_stage_each_phase_ended_in()
    {
        await this.world.ToMedicalFitAsync();

        var status = (await this.world.Client.GetInstanceAsync(CaseWorld.CaseId, getInputsAndOutputs: true))!.ReadCustomStatusAs<CaseStatus>();
        Assert.Equal(CaseStage.MedicalFit, status!.Stage);
        Assert.Equal("Your CSC will request insurance.", status.NextStep);
    }
}
