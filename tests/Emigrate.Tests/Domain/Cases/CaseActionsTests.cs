using Emigrate.Domain.Cases;

namespace Emigrate.Tests.Domain.Cases;

public sealed class CaseActionsTests
{
    [Theory]
    [InlineData(CaseAction.UploadDocument, CaseStage.Registered)]
    [InlineData(CaseAction.UploadDocument, CaseStage.AwaitingDocuments)]
    [InlineData(CaseAction.UploadDocument, CaseStage.DocumentsSentBack)]
    [InlineData(CaseAction.UploadDocument, CaseStage.ClearanceSentBack)]
    [InlineData(CaseAction.ReviewDocument, CaseStage.AwaitingDocuments)]
    [InlineData(CaseAction.ReviewDocument, CaseStage.ClearanceSentBack)]
    [InlineData(CaseAction.BookMedical, CaseStage.DocumentsVerified)]
    [InlineData(CaseAction.PostMedicalResult, CaseStage.MedicalBooked)]
    [InlineData(CaseAction.RequestInsurance, CaseStage.MedicalFit)]
    [InlineData(CaseAction.PostPolicy, CaseStage.InsuranceRequested)]
    [InlineData(CaseAction.SubmitClearance, CaseStage.Insured)]
    [InlineData(CaseAction.DecideClearance, CaseStage.ClearanceSubmitted)]
    [InlineData(CaseAction.Withdraw, CaseStage.ClearanceSubmitted)]
    public void Action_is_allowed_in_its_stage(CaseAction action, CaseStage stage)
    {
        Assert.True(CaseActions.IsAllowed(action, stage));
        Assert.Null(CaseActions.Check(action, stage));
    }

    [Theory]
    [InlineData(CaseAction.ReviewDocument, CaseStage.Registered)]
    [InlineData(CaseAction.UploadDocument, CaseStage.DocumentsVerified)]
    [InlineData(CaseAction.BookMedical, CaseStage.AwaitingDocuments)]
    [InlineData(CaseAction.BookMedical, CaseStage.MedicalBooked)]
    [InlineData(CaseAction.SubmitClearance, CaseStage.MedicalFit)]
    [InlineData(CaseAction.DecideClearance, CaseStage.Insured)]
    public void Action_is_refused_outside_its_stages(CaseAction action, CaseStage stage) =>
        Assert.False(CaseActions.IsAllowed(action, stage));

    [Fact]
    public void Nothing_is_allowed_once_a_case_has_ended()
    {
        foreach (var stage in CaseStages.All.Where(s => s.IsTerminal()))
        {
            Assert.All(Enum.GetValues<CaseAction>(), action => Assert.False(CaseActions.IsAllowed(action, stage), $"{action} in {stage}"));
        }
    }

    [Fact]
    public void Withdrawal_is_allowed_in_every_open_stage() =>
        Assert.Equal(CaseStages.Open, CaseActions.AllowedIn(CaseAction.Withdraw));

    [Fact]
    public void Every_action_leads_somewhere_the_process_allows()
    {
        // An action allowed in a stage must have a move out of that stage, or the orchestration could not honour it.
        foreach (var action in Enum.GetValues<CaseAction>())
        {
            Assert.NotEmpty(CaseActions.AllowedIn(action));
            Assert.All(CaseActions.AllowedIn(action), stage => Assert.NotEmpty(CaseTransitions.From(stage)));
        }
    }

    [Fact]
    public void Conflict_names_the_current_and_the_expected_stages()
    {
        var conflict = CaseActions.Check(CaseAction.BookMedical, CaseStage.MedicalBooked)!;

        Assert.Equal("The case is at stage medicalBooked; bookMedical needs stage documentsVerified.", conflict.Message);
        Assert.Equal([CaseStage.DocumentsVerified], conflict.Expected);
    }

    [Fact]
    public void Conflict_with_several_expected_stages_lists_them_all() =>
        Assert.Equal(
            "The case is at stage insured; uploadDocument needs stage registered or awaitingDocuments or documentsSentBack or clearanceSentBack.",
            CaseActions.Check(CaseAction.UploadDocument, CaseStage.Insured)!.Message);

    [Fact]
    public void Conflict_on_an_ended_case_says_it_has_ended() =>
        Assert.Equal(
            "The case has ended at stage cleared; withdraw is no longer possible.",
            CaseActions.Check(CaseAction.Withdraw, CaseStage.Cleared)!.Message);
}
