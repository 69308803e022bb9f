using Emigrate.Domain.Cases;

namespace Emigrate.Tests.Domain.Cases;

public sealed class CaseTransitionsTests
{
    [Fact]
    public void Happy_path_from_registration_to_clearance_is_allowed()
    {
        CaseStage[] path =
        [
            CaseStage.Registered, CaseStage.AwaitingDocuments, CaseStage.DocumentsSentBack, CaseStage.AwaitingDocuments,
            CaseStage.DocumentsVerified, CaseStage.MedicalBooked, CaseStage.DocumentsVerified, CaseStage.MedicalBooked,
            CaseStage.MedicalFit, CaseStage.InsuranceRequested, CaseStage.Insured, CaseStage.ClearanceSubmitted,
            CaseStage.ClearanceSentBack, CaseStage.Insured, CaseStage.ClearanceSubmitted, CaseStage.Cleared,
        ];

        Assert.All(path.Zip(path[1..]), move => Assert.True(CaseTransitions.CanMove(move.First, move.Second), $"{move.First} → {move.Second}"));
    }

    [Theory]
    [InlineData(CaseStage.Registered, CaseStage.DocumentsVerified)]
    [InlineData(CaseStage.DocumentsSentBack, CaseStage.DocumentsVerified)]
    [InlineData(CaseStage.AwaitingDocuments, CaseStage.MedicalBooked)]
    [InlineData(CaseStage.MedicalBooked, CaseStage.Insured)]
    [InlineData(CaseStage.Insured, CaseStage.Cleared)]
    [InlineData(CaseStage.ClearanceSubmitted, CaseStage.Insured)]
    [InlineData(CaseStage.Cleared, CaseStage.Withdrawn)]
    [InlineData(CaseStage.MedicalUnfit, CaseStage.MedicalBooked)]
    public void Shortcuts_and_moves_out_of_an_ended_case_are_refused(CaseStage from, CaseStage to) =>
        Assert.False(CaseTransitions.CanMove(from, to));

    [Fact]
    public void Every_open_stage_can_be_withdrawn_or_expire_and_ended_stages_go_nowhere()
    {
        foreach (var stage in CaseStages.All)
        {
            Assert.Equal(!stage.IsTerminal(), CaseTransitions.CanMove(stage, CaseStage.Withdrawn));
            Assert.Equal(!stage.IsTerminal(), CaseTransitions.CanMove(stage, CaseStage.Expired));
            if (stage.IsTerminal())
            {
                Assert.Empty(CaseTransitions.From(stage));
            }
        }
    }

    [Fact]
    public void Every_stage_is_reachable_from_registration()
    {
        var reached = new HashSet<CaseStage> { CaseStage.Registered };
        var queue = new Queue<CaseStage>(reached);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var next in CaseTransitions.From(stage).Where(reached.Add))
            {
                queue.Enqueue(next);
            }
        }

        Assert.Equal(CaseStages.All.Order(), reached.Order());
    }

    [Fact]
    public void No_stage_moves_to_itself() =>
        Assert.All(CaseStages.All, stage => Assert.False(CaseTransitions.CanMove(stage, stage)));

    [Fact]
    public void An_expiring_medical_can_be_redone_from_any_stage_before_submission()
    {
        CaseStage[] stages = [CaseStage.MedicalFit, CaseStage.InsuranceRequested, CaseStage.Insured, CaseStage.ClearanceSentBack];
        Assert.All(stages, stage => Assert.True(CaseTransitions.CanMove(stage, CaseStage.DocumentsVerified)));
    }
}
