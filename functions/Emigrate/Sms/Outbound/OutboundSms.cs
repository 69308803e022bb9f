using Emigrate.Domain.Identifiers;

namespace Emigrate.Sms.Outbound;

/// <summary>One SMS to send: rendered text with its registered (DLT) template id.</summary>
/// <param name="IdempotencyKey">Sent at most once per key.</param>
/// <param name="To">The recipient's mobile.</param>
/// <param name="Message">The rendered message (template id, language, text).</param>
/// <param name="Kind">What may hold it back (STOP, quiet hours).</param>
/// <param name="CaseId">The case it is about, when there is one.</param>
public sealed record OutboundSms(string IdempotencyKey, MobileNumber To, SmsMessage Message, OutboundKind Kind, CaseId? CaseId);
