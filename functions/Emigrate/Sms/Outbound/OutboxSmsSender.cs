using Emigrate.Domain.Privacy;
using Microsoft.Extensions.Logging;

namespace Emigrate.Sms.Outbound;

/// <summary>
/// The local sender: records each message in the outbox table, where a person can read it
/// (<c>GET /api/sms/outbox?mobile=</c>). A gateway adapter would send after recording, behind configuration.
/// </summary>
/// <remarks>Holds back reminders to a mobile that sent STOP; every other kind goes out regardless.</remarks>
public sealed partial class OutboxSmsSender(SmsOutbox outbox, OptOuts optOuts, ILogger<OutboxSmsSender> logger) : ISmsSender
{
    /// <summary>The <see cref="OutboxEntry.Delivery"/> of messages only recorded, not handed to a gateway.</summary>
    public const string Delivery = "outbox";

    /// <inheritdoc />
    public async Task<bool> SendAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (OutboundPolicy.IsBlockedByStop(message.Kind) && await optOuts.IsOptedOutAsync(message.To, cancellationToken))
        {
            LogHeldBack(logger, message.Message.TemplateId, LogMask.Mobile(message.To.Value));
            return false;
        }

        var sent = await outbox.TryRecordAsync(message.To.Value, message.IdempotencyKey, message.Message, message.Kind, message.CaseId?.Value, Delivery, cancellationToken);
        if (sent)
        {
            LogRecorded(logger, message.Message.TemplateId, LogMask.Mobile(message.To.Value), message.Message.Segments.Segments);
        }
        else
        {
            LogDuplicate(logger, message.Message.TemplateId, LogMask.Mobile(message.To.Value));
        }

        return sent;
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "SMS {TemplateId} to {Mobile} recorded in the outbox ({Segments} segment(s))")]
    private static partial void LogRecorded(ILogger logger, string templateId, string mobile, int segments);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "SMS {TemplateId} to {Mobile} was sent before; not sent again")]
    private static partial void LogDuplicate(ILogger logger, string templateId, string mobile);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "Reminder {TemplateId} to {Mobile} held back: the mobile sent STOP")]
    private static partial void LogHeldBack(ILogger logger, string templateId, string mobile);
}
