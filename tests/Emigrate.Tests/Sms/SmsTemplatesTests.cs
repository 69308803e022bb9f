using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;
using Emigrate.Sms;

namespace Emigrate.Tests.Sms;

public sealed class SmsTemplatesTests
{
    private static readonly string CaseIdValue = CaseId.FromRandomBytes([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).Value;

    public static TheoryData<CaseStage, Language> StagesAndLanguages()
    {
        var data = new TheoryData<CaseStage, Language>();
        foreach (var stage in CaseStages.All)
        {
            foreach (var language in Enum.GetValues<Language>())
            {
                data.Add(stage, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StagesAndLanguages))]
    public void Status_reply_fits_one_sms(CaseStage stage, Language language)
    {
        var message = SmsTemplates.Status(stage, language, CaseIdValue);

        Assert.True(message.Segments.FitsOneSms, $"{message.Text} ({message.Segments})");
        Assert.Contains(CaseIdValue, message.Text, StringComparison.Ordinal);
        Assert.Equal(language == Language.English ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2, message.Segments.Encoding);
    }

    [Fact]
    public void Status_reply_says_the_stage_and_the_next_step()
    {
        var english = SmsTemplates.Status(CaseStage.DocumentsSentBack, Language.English, CaseIdValue);
        var hindi = SmsTemplates.Status(CaseStage.DocumentsSentBack, Language.Hindi, CaseIdValue);

        Assert.Equal($"Case {CaseIdValue}: Documents sent back. Correct and upload them again at your CSC.", english.Text);
        Assert.Equal($"केस {CaseIdValue}: दस्तावेज लौटाए गए। CSC पर सुधार कर फिर जमा करें।", hindi.Text);
        Assert.Equal("status-documentsSentBack.en", english.TemplateId);
        Assert.Equal("status-documentsSentBack.hi", hindi.TemplateId);
    }

    [Fact]
    public void Every_template_fits_one_sms_with_the_longest_allowed_values()
    {
        foreach (var template in SmsTemplates.All)
        {
            var values = SmsVariables.Names.ToDictionary(n => n, n => new string('9', SmsVariables.MaxLength(n)));

            var message = template.Render(values);

            Assert.True(message.Segments.FitsOneSms, $"{template.Id}: {message.Text} ({message.Segments})");
        }
    }

    [Fact]
    public void Every_template_exists_in_english_and_applicant_templates_in_hindi_too()
    {
        var byKey = SmsTemplates.All.GroupBy(t => t.Key).ToList();

        Assert.All(byKey, g => Assert.Contains(g, t => t.Language == Language.English));
        Assert.All(byKey.Where(g => g.Key != SmsTemplates.ClearanceOverdue), g => Assert.Contains(g, t => t.Language == Language.Hindi));
    }

    [Fact]
    public void Template_ids_are_unique_and_stable()
    {
        var ids = SmsTemplates.All.Select(t => t.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("registration-ack.en", ids);
        Assert.Contains("registration-ack.hi", ids);
        Assert.Contains("status-cleared.hi", ids);
        Assert.Equal(CaseStages.All.Count * 2, ids.Count(id => id.StartsWith("status-", StringComparison.Ordinal) && !id.Contains("case", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dlt_form_marks_each_variable()
    {
        var template = SmsTemplates.Get(SmsTemplates.MedicalTomorrow, Language.English);

        Assert.Equal("Case {#var#}: your medical is tomorrow, {#var#}. Carry your passport.", template.DltText);
        Assert.Equal([SmsVariables.CaseId, SmsVariables.Date], template.Variables);
    }

    [Fact]
    public void Rendering_fills_every_variable()
    {
        var message = SmsTemplates.Get(SmsTemplates.MedicalTomorrow, Language.Hindi).Render(new Dictionary<string, string>
        {
            [SmsVariables.CaseId] = CaseIdValue,
            [SmsVariables.Date] = SmsVariables.FormatDate(new DateOnly(2025, 8, 1)),
        });

        Assert.Equal($"केस {CaseIdValue}: कल 01-08-2025 को मेडिकल है। पासपोर्ट साथ लाएं।", message.Text);
        Assert.Equal(Language.Hindi, message.Language);
    }

    [Fact]
    public void Rendering_refuses_a_missing_or_overlong_value()
    {
        var template = SmsTemplates.Get(SmsTemplates.Cleared, Language.English);

        Assert.Throws<ArgumentException>(() => template.Render(CaseIdValue));
        Assert.Throws<ArgumentException>(() => template.Render(new Dictionary<string, string>
        {
            [SmsVariables.CaseId] = CaseIdValue,
            [SmsVariables.EcNumber] = new string('1', 21),
        }));
    }

    [Fact]
    public void Template_with_an_unknown_variable_cannot_be_made() =>
        Assert.Throws<ArgumentException>(() => new SmsTemplate("x", Language.English, "Hello {name}"));

    [Fact]
    public void English_only_template_is_used_for_any_language() =>
        Assert.Equal(Language.English, SmsTemplates.Get(SmsTemplates.ClearanceOverdue, Language.Hindi).Language);

    [Fact]
    public void Unknown_template_key_is_an_error() =>
        Assert.Throws<KeyNotFoundException>(() => SmsTemplates.Get("nope", Language.English));
}
