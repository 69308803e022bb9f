using System.Text.Json;
using Emigrate.Domain;
using Emigrate.Domain.Cases;

namespace Emigrate.Tests.Domain.Cases;

public sealed class CaseStageTests
{
    [Fact]
    public void Stages_have_the_agreed_camel_case_wire_names()
    {
        string[] expected =
        [
            "registered", "awaitingDocuments", "documentsSentBack", "documentsVerified", "medicalBooked", "medicalFit",
            "medicalUnfit", "insuranceRequested", "insured", "clearanceSubmitted", "clearanceSentBack", "cleared",
            "clearanceRejected", "withdrawn", "expired",
        ];

        Assert.Equal(expected, CaseStages.All.Select(s => s.WireName()));
        Assert.Equal(expected.Select(n => $"\"{n}\""), CaseStages.All.Select(s => JsonSerializer.Serialize(s, EmigrateJson.Options)));
        Assert.Equal(CaseStages.All, expected.Select(n => JsonSerializer.Deserialize<CaseStage>($"\"{n}\"", EmigrateJson.Options)));
    }

    [Fact]
    public void Unfit_cleared_rejected_withdrawn_and_expired_are_the_terminal_stages() =>
        Assert.Equal(
            [CaseStage.MedicalUnfit, CaseStage.Cleared, CaseStage.ClearanceRejected, CaseStage.Withdrawn, CaseStage.Expired],
            CaseStages.All.Where(s => s.IsTerminal()));

    [Fact]
    public void Every_stage_has_an_english_and_a_hindi_label_and_next_step()
    {
        foreach (var stage in CaseStages.All)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                var text = StageTexts.For(stage, language);
                Assert.False(string.IsNullOrWhiteSpace(text.Label), $"{stage} {language}");
                Assert.False(string.IsNullOrWhiteSpace(text.NextStep), $"{stage} {language}");
            }

            Assert.NotEqual(StageTexts.For(stage, Language.English), StageTexts.For(stage, Language.Hindi));
        }
    }

    [Fact]
    public void Hindi_texts_are_in_devanagari()
    {
        foreach (var stage in CaseStages.All)
        {
            var text = StageTexts.For(stage, Language.Hindi);
            Assert.Contains(text.Label + text.NextStep, c => c is >= '\u0900' and <= '\u097F');
        }
    }
}
