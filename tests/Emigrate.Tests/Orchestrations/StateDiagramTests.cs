using Emigrate.Domain.Cases;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Medical;
using Emigrate.Orchestrations;
using Emigrate.Sms;

namespace Emigrate.Tests.Orchestrations;

/// <summary>
/// DOMAIN.md's state diagram stage by stage: withdrawal from every open stage, and every deadline racing the event
/// that would beat it (a minute before wins, at the deadline loses).
/// </summary>
public sealed class StateDiagramTests : IAsyncLifetime
{
    // Clearance due 60 days after registration: before the 90-day medical expiry, after the 30-day documents deadline.
    private static readonly TimeSpan ClearanceDue = TimeSpan.FromDays(60);

    private CaseWorld world = null!;

    public static TheoryData<CaseStage> OpenStages { get; } =
    [
        CaseStage.AwaitingDocuments, CaseStage.DocumentsSentBack, CaseStage.DocumentsVerified, CaseStage.MedicalBooked,
        CaseStage.MedicalFit, CaseStage.InsuranceRequested, CaseStage.Insured, CaseStage.ClearanceSubmitted, CaseStage.ClearanceSentBack,
    ];

    public async Task InitializeAsync() => this.world = await CaseWorld.StartAsync();

    public async Task DisposeAsync() => await this.world.DisposeAsync();

    [Theory]
    [MemberData(nameof(OpenStages))]
    public async Task Withdrawal_ends_the_case_from_every_open_stage(CaseStage at)
    {
        await this.DriveToAsync(at);

        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.Withdraw) { Reason = "Going elsewhere" });

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Equal("Going elsewhere", this.world.Stages.Last().Note);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Theory]
    [MemberData(nameof(OpenStages))]
    public async Task The_deadline_of_every_open_stage_expires_the_case_when_it_passes(CaseStage at)
    {
        await this.DriveToAsync(at);

        await this.world.AdvanceAsync(DeadlineOf(at) - TimeSpan.FromMinutes(1));
        Assert.Equal(at, this.world.Stage);
        await this.world.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(CaseStage.Expired, this.world.Stage);
        Assert.Equal(CaseStage.Expired, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Theory]
    [MemberData(nameof(OpenStages))]
    public async Task An_event_a_minute_before_the_deadline_wins(CaseStage at)
    {
        await this.DriveToAsync(at);
        await this.world.AdvanceAsync(DeadlineOf(at) - TimeSpan.FromMinutes(1));

        await this.world.RaiseAsync(this.EventThatMovesOn(at));

        Assert.Equal(NextAfter(at), this.world.Stage);
    }

    [Theory]
    [MemberData(nameof(OpenStages))]
    public async Task An_event_at_the_deadline_loses_and_changes_nothing(CaseStage at)
    {
        await this.DriveToAsync(at);
        await this.world.AdvanceAsync(DeadlineOf(at));
        int recorded = this.world.Stages.Count;

        await this.world.RaiseAsync(this.EventThatMovesOn(at));

        Assert.Equal(recorded, this.world.Stages.Count);
        Assert.Equal(CaseStage.Expired, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Theory]
    [InlineData(CaseStage.MedicalFit)]
    [InlineData(CaseStage.InsuranceRequested)]
    public async Task A_medical_that_expires_before_insurance_is_done_is_booked_again(CaseStage at)
    {
        await this.DriveToAsync(at, TimeSpan.FromDays(200));

        await this.world.AdvanceAsync(TimeSpan.FromDays(MedicalRules.ValidityDays));

        Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "CERT-2" });
        Assert.Equal(CaseStage.MedicalFit, this.world.Stage);
    }

    [Fact]
    public async Task A_medical_that_expired_while_documents_were_corrected_after_a_poe_send_back_is_booked_again()
    {
        await this.DriveToAsync(CaseStage.ClearanceSentBack, TimeSpan.FromDays(200));
        await this.world.AdvanceAsync(TimeSpan.FromDays(MedicalRules.ValidityDays));
        Assert.Equal(CaseStage.ClearanceSentBack, this.world.Stage);

        this.world.Documents = new DocumentsStatus(true, [], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));

        Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "CERT-3" });
        Assert.Equal([CaseStage.MedicalFit, CaseStage.Insured], this.world.StagePath.TakeLast(2));
    }

    [Fact]
    public async Task After_three_send_back_rounds_the_case_waits_in_documents_until_every_document_is_approved()
    {
        await this.world.RegisterAsync();
        for (int round = 1; round <= SendBackPolicy.MaxRounds; round++)
        {
            this.world.Documents = new DocumentsStatus(false, [DocumentType.Photograph], round);
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Photograph });
            Assert.Equal(CaseStage.DocumentsSentBack, this.world.Stage);
            this.world.Documents = new DocumentsStatus(false, [], round);
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentUploaded) { DocumentType = DocumentType.Photograph });
            Assert.Equal(CaseStage.AwaitingDocuments, this.world.Stage);
        }

        // The store refuses a fourth send-back (a supervisor decides); only approvals can move the case on.
        this.world.Documents = new DocumentsStatus(true, [], SendBackPolicy.MaxRounds);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Photograph });

        Assert.Equal(CaseStage.DocumentsVerified, this.world.Stage);
        Assert.Equal(SendBackPolicy.MaxRounds, this.world.Reminders.Count(r => r.Reason == ReminderReason.DocumentsSentBack));
        Assert.Equal(SendBackPolicy.MaxRounds * 2 + 2, this.world.Stages.Count);
    }

    [Fact]
    public async Task A_withdrawal_raised_the_moment_the_case_is_registered_ends_it()
    {
        await this.world.StartCaseAsync();
        await this.world.RaiseNowAsync(new CaseEvent(CaseEventKind.Withdraw) { Reason = "Registered by mistake" });
        await this.world.IdleAsync();

        Assert.Equal(CaseStage.Withdrawn, this.world.Stage);
        Assert.Equal(CaseStage.Withdrawn, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task An_upload_stored_as_sent_back_by_an_automatic_pre_check_moves_the_case_to_documents_sent_back()
    {
        await this.world.RegisterAsync();

        // What the documents table holds after a pre-check refused the upload: the passport sent back, a round counted.
        this.world.Documents = new DocumentsStatus(false, [DocumentType.Passport], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentUploaded) { DocumentType = DocumentType.Passport });

        Assert.Equal(CaseStage.DocumentsSentBack, this.world.Stage);
        Assert.Single(this.world.Reminders, r => r.Reason == ReminderReason.DocumentsSentBack);
    }

    [Fact]
    public async Task A_submission_records_its_arn_and_a_grant_its_ec_number()
    {
        await this.DriveToAsync(CaseStage.ClearanceSubmitted);
        var submitted = this.world.Stages.Last();
        Assert.Equal("ARN-1", submitted.Facts!["Arn"]);

        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant, EcNumber = "EC-42" });

        Assert.Equal("EC-42", this.world.Stages.Last().Facts!["EcNumber"]);
        Assert.Equal(CaseStage.Cleared, (await this.world.CompletionAsync()).ReadOutputAs<CaseStage>());
    }

    [Fact]
    public async Task Every_recorded_move_through_send_backs_no_shows_and_a_redone_medical_is_one_the_stage_table_allows()
    {
        await this.world.RegisterAsync(TimeSpan.FromDays(200));
        this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        this.world.Documents = new DocumentsStatus(true, [], 1);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.NoShow });
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "C" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = "ins-1", Years = 3 });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.PolicyIssued) { PolicyNumber = "P" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "A1" });
        this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 2);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.SendBack, Reason = "r" });
        this.world.Documents = new DocumentsStatus(true, [], 2);
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed));
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "A2" });
        await this.world.AdvanceAsync(TimeSpan.FromDays(MedicalRules.ValidityDays));
        await this.world.BookAsync();
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "C2" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "A3" });
        await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Reject, Reason = "r" });

        var path = new[] { CaseStage.Registered }.Concat(this.world.StagePath).ToList();
        Assert.Equal(CaseStage.ClearanceRejected, path[^1]);
        for (int i = 1; i < path.Count; i++)
        {
            Assert.True(CaseTransitions.CanMove(path[i - 1], path[i]), $"{path[i - 1]} -> {path[i]}");
        }
    }

    private static TimeSpan DeadlineOf(CaseStage stage) =>
        stage is CaseStage.AwaitingDocuments or CaseStage.DocumentsSentBack ? TimeSpan.FromDays(30) : ClearanceDue;

    private static CaseStage NextAfter(CaseStage stage) => stage switch
    {
        CaseStage.AwaitingDocuments or CaseStage.DocumentsSentBack => CaseStage.DocumentsVerified,
        CaseStage.DocumentsVerified => CaseStage.MedicalBooked,
        CaseStage.MedicalBooked => CaseStage.MedicalFit,
        CaseStage.MedicalFit => CaseStage.InsuranceRequested,
        CaseStage.InsuranceRequested => CaseStage.Insured,
        CaseStage.Insured => CaseStage.ClearanceSubmitted,
        CaseStage.ClearanceSubmitted => CaseStage.Cleared,
        CaseStage.ClearanceSentBack => CaseStage.Insured,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    private CaseEvent EventThatMovesOn(CaseStage stage)
    {
        switch (stage)
        {
            case CaseStage.AwaitingDocuments or CaseStage.DocumentsSentBack or CaseStage.ClearanceSentBack:
                this.world.Documents = new DocumentsStatus(true, [], this.world.Documents.SendBackRounds);
                return new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Visa };
            case CaseStage.DocumentsVerified:
                return new CaseEvent(CaseEventKind.MedicalBooked)
                {
                    CentreId = "mc-mumbai-1",
                    Date = DateOnly.FromDateTime(this.world.Clock.GetUtcNow().UtcDateTime).AddDays(1),
                    AppointmentAt = this.world.Clock.GetUtcNow().AddDays(1),
                };
            case CaseStage.MedicalBooked:
                return new CaseEvent(CaseEventKind.MedicalResult) { Result = MedicalResult.Fit, CertificateRef = "CERT-1" };
            case CaseStage.MedicalFit:
                return new CaseEvent(CaseEventKind.InsuranceRequested) { InsurerId = "ins-1", Years = 2 };
            case CaseStage.InsuranceRequested:
                return new CaseEvent(CaseEventKind.PolicyIssued) { PolicyNumber = "POL-1" };
            case CaseStage.Insured:
                return new CaseEvent(CaseEventKind.ClearanceSubmitted) { Arn = "ARN-1" };
            case CaseStage.ClearanceSubmitted:
                return new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.Grant, EcNumber = "EC-1" };
            default:
                throw new ArgumentOutOfRangeException(nameof(stage));
        }
    }

    /// <summary>Registers the case and moves it to <paramref name="stage"/> without the clock moving.</summary>
    private async Task DriveToAsync(CaseStage stage, TimeSpan? clearanceDue = null)
    {
        await this.world.RegisterAsync(clearanceDue ?? ClearanceDue);
        if (stage == CaseStage.DocumentsSentBack)
        {
            this.world.Documents = new DocumentsStatus(false, [DocumentType.Visa], 1);
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.DocumentReviewed) { DocumentType = DocumentType.Visa });
        }

        CaseStage[] order = [CaseStage.AwaitingDocuments, CaseStage.DocumentsVerified, CaseStage.MedicalBooked, CaseStage.MedicalFit, CaseStage.InsuranceRequested, CaseStage.Insured, CaseStage.ClearanceSubmitted];
        int last = stage == CaseStage.ClearanceSentBack ? order.Length - 1 : Array.IndexOf(order, stage);
        for (int i = 0; i < last; i++)
        {
            await this.world.RaiseAsync(this.EventThatMovesOn(order[i]));
        }

        if (stage == CaseStage.ClearanceSentBack)
        {
            this.world.Documents = new DocumentsStatus(false, [DocumentType.EmploymentContract], 1);
            await this.world.RaiseAsync(new CaseEvent(CaseEventKind.ClearanceDecided) { Decision = ClearanceDecision.SendBack, Reason = "Unsigned contract" });
        }

        Assert.Equal(stage, this.world.Stage);
    }
}
