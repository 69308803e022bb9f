using Emigrate.Activities;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Medical;
using Emigrate.Orchestrations;
using Emigrate.Sms;

namespace Emigrate.Tests.Orchestrations;

/// <summary>
/// Events raised at the moments a phase starts or ends: the case stands still at that exact step (a held
/// activity) while the portal raises the event, and the event must still count.
/// </summary>
public sealed class EventWindowTests : IAsyncLifetime
{
    private static readonly string Documents1 = DocumentsOrchestration.InstanceId(CaseWorld.CaseId, 1);
    private static readonly string Documents2 = DocumentsOrchestration.InstanceId(CaseWorld.CaseId, 2);
    private static readonly string Medical1 = MedicalOrchestration.InstanceId(CaseWorld.CaseId, 1);

    private CaseWorld world = null!;

    public async Task InitializeAsync() => this.world = await CaseWorld.StartAsync();

    public async Task DisposeAsync() => await this.world.DisposeAsync();

    [Fact]
    public async Task A_withdrawal_raised_before_the_documents_phase_is_started_reaches_the_phase()
    {
        var pause = this.world.PauseAt(x => x is StageChange { Stage: CaseStage.AwaitingDocuments });
        await this.world.StartCaseAsync();
        await pause.Reached;

        await this.world.RaiseNowAsync(Withdraw());
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal([CaseStage.AwaitingDocuments, CaseStage.Withdrawn], this.world.StagePath);
        Assert.Equal(Documents1, Assert.Single(this.world.Forwarded).InstanceId);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task A_withdrawal_raised_while_the_documents_phase_takes_its_first_step_reaches_the_phase()
    {
        var pause = this.world.PauseAt(x => x is CaseWorld.StatusRead);
        await this.world.StartCaseAsync();
        await pause.Reached;

        await this.world.RaiseNowAsync(Withdraw());
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task A_review_raised_just_after_the_documents_phase_read_the_table_is_not_lost()
    {
        var pause = this.world.PauseAt(x => x is CaseWorld.StatusRead);
        await this.world.StartCaseAsync();
        await pause.Reached;

        // The phase has read "nothing approved"; the verifier approves the last document now.
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Passport });
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal([CaseStage.AwaitingDocuments, CaseStage.DocumentsVerified], this.world.StagePath);
    }

    [Fact]
    public async Task A_withdrawal_raised_as_the_documents_phase_ends_is_taken_back_by_the_case()
    {
        await this.world.RegisterAsync();
        var pause = this.world.PauseAt(x => x is StageChange { Stage: CaseStage.DocumentsVerified });
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await pause.Reached;

        await this.world.RaiseNowAsync(Withdraw());
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal([CaseStage.AwaitingDocuments, CaseStage.DocumentsVerified, CaseStage.Withdrawn], this.world.StagePath);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task A_result_raised_while_the_medical_phase_takes_its_first_step_reaches_the_phase()
    {
        await this.ToDocumentsVerifiedAsync();
        var pause = this.world.PauseAt(x => x is ReminderRequest { Reason: ReminderReason.MedicalTomorrow });
        await this.world.RaiseNowAsync(Booking());
        await pause.Reached;

        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "CERT-9" });
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal(CaseStage.MedicalFit, this.world.Stage);
        Assert.Equal(Medical1, this.world.Forwarded.Last().InstanceId);
    }

    [Fact]
    public async Task A_withdrawal_raised_before_the_medical_phase_is_started_reaches_the_phase()
    {
        await this.ToDocumentsVerifiedAsync();
        var pause = this.world.PauseAt(x => x is StageChange { Stage: CaseStage.MedicalBooked });
        await this.world.RaiseNowAsync(Booking());
        await pause.Reached;

        await this.world.RaiseNowAsync(Withdraw());
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Contains(this.world.Cancelled, c => c.Reason == ReminderReason.MedicalTomorrow);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task An_insurance_request_raised_as_the_medical_phase_ends_is_taken_back_by_the_case()
    {
        await this.ToDocumentsVerifiedAsync();
        await this.world.RaiseAsync(Booking());
        var pause = this.world.PauseAt(x => x is StageChange { Stage: CaseStage.MedicalFit });
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "CERT-9" });
        await pause.Reached;

        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = "ins-1", Years = 2 });
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal(CaseStage.InsuranceRequested, this.world.Stage);
    }

    [Fact]
    public async Task A_withdrawal_raised_while_a_poe_send_back_reopens_the_documents_reaches_the_new_documents_phase()
    {
        await this.world.ToSubmittedAsync();
        this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 1);
        var pause = this.world.PauseAt(x => x is ReopenDocuments);
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.SendBack, Reason = "Blurred visa" });
        await pause.Reached;

        await this.world.RaiseNowAsync(Withdraw());
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal([CaseStage.ClearanceSentBack, CaseStage.Withdrawn], this.world.StagePath.TakeLast(2));
        Assert.Equal(Documents2, this.world.Forwarded.Last().InstanceId);
    }

    [Fact]
    public async Task A_review_raised_as_the_documents_phase_after_a_poe_send_back_starts_is_not_lost()
    {
        await this.world.ToSubmittedAsync();
        this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 1);
        var pause = this.world.PauseAt(x => x is CaseWorld.StatusRead);
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.SendBack, Reason = "Blurred visa" });
        await pause.Reached;

        this.world.Documents = new DocumentsStatus(true, [], 1);
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Visa });
        pause.Release();
        await this.world.IdleAsync();

        Assert.Equal([CaseStage.ClearanceSubmitted, CaseStage.ClearanceSentBack, CaseStage.Insured], this.world.StagePath.TakeLast(3));
    }

    [Fact]
    public async Task Forwarding_waits_for_a_phase_that_does_not_exist_yet()
    {
        var forward = CaseEventForwarding.ForwardAsync(this.world.Client, new ForwardedEvent(Documents1, Withdraw() with { Sequence = 1 }), CancellationToken.None);
        await this.world.IdleAsync();
        Assert.False(forward.IsCompleted);

        await this.world.Client.ScheduleNewOrchestrationInstanceAsync(
            DocumentsOrchestration.Name,
            new DocumentsInput(CaseWorld.CaseId, false, CaseWorld.Start.AddDays(30), 1),
            new Serverless.Durable.Client.StartOrchestrationOptions(Documents1));
        await forward;
        await this.world.IdleAsync();

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
    }

    [Fact]
    public async Task A_forwarded_event_delivered_twice_is_taken_once()
    {
        await this.world.RegisterAsync();
        int reads = this.world.StatusReads;
        var upload = new CaseEvent(CaseEventKind.DocumentUploaded) { DocumentType = DocumentType.Visa, Sequence = 7 };

        await this.world.Client.RaiseEventAsync(Documents1, CaseEvents.Name, upload);
        await this.world.Client.RaiseEventAsync(Documents1, CaseEvents.Name, upload);
        await this.world.IdleAsync();

        Assert.Equal(reads + 1, this.world.StatusReads);
    }

    private static CaseEvent Withdraw() => new(CaseEventKind.Withdraw) { Reason = "Changed plans" };

    private CaseEvent Booking() => new(CaseEventKind.MedicalBooked)
    {
        CentreId = "mc-mumbai-1",
        Date = DateOnly.FromDateTime(this.world.Clock.GetUtcNow().UtcDateTime).AddDays(3),
        AppointmentAt = this.world.Clock.GetUtcNow().AddDays(3),
    };

    private async Task ToDocumentsVerifiedAsync()
    {
        await this.world.RegisterAsync();
        this.world.Documents = new DocumentsStatus(true, [], 0);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
    }
}
