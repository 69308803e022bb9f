using Emigrate.Domain.Identifiers;

namespace Emigrate.Sms.Inbound;

/// <summary>An SMS the gateway delivered, its signature already checked.</summary>
/// <param name="MessageId">The gateway's message id: a second delivery with the same id is a duplicate.</param>
/// <param name="From">The sending mobile.</param>
/// <param name="Body">The text.</param>
public sealed record InboundSms(string MessageId, MobileNumber From, string Body);

/// <summary>What the webhook answers.</summary>
/// <param name="Reply">The reply (also recorded in the outbox, once).</param>
/// <param name="Duplicate">Whether the message id had been seen before: then nothing was done again.</param>
public sealed record InboundOutcome(SmsMessage Reply, bool Duplicate);

/// <summary>The message id was seen before from another mobile: not answered, as that would reveal the first reply.</summary>
public sealed class InboundMessageIdConflictException(string messageId)
    : InvalidOperationException($"Message id {messageId} was already used by another sender.");
