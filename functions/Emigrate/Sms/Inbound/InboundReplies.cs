using Emigrate.Domain;

namespace Emigrate.Sms.Inbound;

/// <summary>Works out the reply to a keyword, reading the case directory; changes nothing.</summary>
/// <remarks>
/// The language is the sender's latest case's (English when the mobile has no case), whatever case the message
/// asks about, so the answer for someone else's case id is exactly the answer for an id that does not exist.
/// </remarks>
public sealed class InboundReplies(CaseLookup lookup)
{
    /// <summary>The reply to <paramref name="command"/> from <paramref name="sms"/>'s sender.</summary>
    public async Task<SmsMessage> ReplyToAsync(InboundSms sms, SmsCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sms);
        var cases = lookup.Current;
        var latest = await cases.FindLatestByMobileAsync(sms.From, cancellationToken);
        var language = latest?.Language ?? Language.English;
        switch (command)
        {
            case StatusCommand { CaseId: null }:
                return latest is null
                    ? SmsTemplates.Get(SmsTemplates.NoCase, language).Render()
                    : SmsTemplates.Status(latest.Stage, language, latest.CaseId.Value);
            case StatusCommand { CaseId: { } caseId }:
                var found = caseId == latest?.CaseId ? latest : await cases.GetAsync(caseId, cancellationToken);
                return found is not null && found.Mobile == sms.From
                    ? SmsTemplates.Status(found.Stage, language, found.CaseId.Value)
                    : SmsTemplates.Get(SmsTemplates.UnknownCase, language).Render();
            case StatusOfUnreadableIdCommand:
                return SmsTemplates.Get(SmsTemplates.UnknownCase, language).Render();
            case StopCommand:
                return SmsTemplates.Get(SmsTemplates.StopAcknowledgement, language).Render();
            case StartCommand:
                return SmsTemplates.Get(SmsTemplates.StartAcknowledgement, language).Render();
            default:
                return SmsTemplates.Get(SmsTemplates.Help, language).Render();
        }
    }
}
