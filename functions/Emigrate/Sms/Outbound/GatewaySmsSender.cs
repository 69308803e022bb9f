using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emigrate.Sms.Outbound;

/// <summary>
/// The real sender: records each message in the outbox (state <c>pending</c>), hands it to the HTTP gateway, then
/// records the outcome (<c>sent</c>, <c>failed</c> or <c>rejected</c>) on the same row.
/// </summary>
/// <remarks>
/// Idempotent by the message's key: a message already <c>sent</c> (or only recorded) is not sent again, while one
/// left <c>pending</c>, <c>failed</c> or <c>rejected</c> by an earlier call is tried again with the same gateway
/// reference, so the activity retries of the case orchestration deliver it once the gateway is back. A message
/// that is not accepted throws <see cref="SmsGatewayException"/> after its row is updated, so callers (activities,
/// the reminder timer) see the failure and retry. Reminders to a mobile that sent STOP are held back, as locally.
/// </remarks>
public sealed partial class GatewaySmsSender(
    SmsOutbox outbox,
    OptOuts optOuts,
    SmsGatewayClient gateway,
    IOptions<SmsGatewayOptions> options,
    ILogger<GatewaySmsSender> logger) : ISmsSender
{
    /// <inheritdoc />
    public async Task<bool> SendAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mobile = message.To;
        if (OutboundPolicy.IsBlockedByStop(message.Kind) && await optOuts.IsOptedOutAsync(mobile, cancellationToken))
        {
            LogHeldBack(logger, message.Message.TemplateId, mobile.Masked);
            return false;
        }

        if (!await outbox.TryRecordAsync(mobile.Value, message.IdempotencyKey, message.Message, message.Kind, message.CaseId?.Value, settings.Name, SmsDeliveryStates.Pending, cancellationToken))
        {
            var state = await outbox.FindDeliveryStateAsync(mobile.Value, message.IdempotencyKey, cancellationToken);
            if (state is SmsDeliveryStates.Sent or SmsDeliveryStates.Recorded)
            {
                LogDuplicate(logger, message.Message.TemplateId, mobile.Masked);
                return false;
            }

            LogResending(logger, message.Message.TemplateId, mobile.Masked, state ?? "unknown");
        }

        SmsDelivery delivery;
        if (!settings.DltTemplates.TryGetValue(message.Message.TemplateId, out var dltTemplateId) || string.IsNullOrWhiteSpace(dltTemplateId))
        {
            // Operators drop a commercial SMS without a registered template: sending it would only cost money.
            LogNoDltTemplate(logger, message.Message.TemplateId);
            delivery = new SmsDelivery(SmsDeliveryStates.Rejected, 0, null, $"no DLT template id for {message.Message.TemplateId} (Sms:Gateway:DltTemplates)");
        }
        else
        {
            var request = new SmsGatewayRequest(
                mobile.E164,
                settings.SenderId!,
                message.Message.Text,
                message.Message.Segments.Encoding == SmsEncoding.Ucs2 ? "ucs2" : "gsm7",
                settings.DltEntityId!,
                dltTemplateId,
                SmsOutbox.Hash(message.IdempotencyKey));
            delivery = await gateway.SendAsync(request, mobile.Masked, cancellationToken);
        }

        // Not cancellable: the gateway's answer must reach the outbox even when the caller gives up now.
        await outbox.UpdateDeliveryAsync(mobile.Value, message.IdempotencyKey, delivery, CancellationToken.None);
        return delivery.Succeeded
            ? true
            : throw new SmsGatewayException($"SMS {message.Message.TemplateId} to {mobile.Masked} was not accepted by the gateway: {delivery.State} ({delivery.Detail}).");
    }

    [LoggerMessage(EventId = 5145, Level = LogLevel.Information, Message = "SMS {TemplateId} to {Mobile} was sent before; not sent again")]
    private static partial void LogDuplicate(ILogger logger, string templateId, string mobile);

    [LoggerMessage(EventId = 5146, Level = LogLevel.Information, Message = "SMS {TemplateId} to {Mobile} was left {State} by an earlier call; sending it again")]
    private static partial void LogResending(ILogger logger, string templateId, string mobile, string state);

    [LoggerMessage(EventId = 5147, Level = LogLevel.Information, Message = "Reminder {TemplateId} to {Mobile} held back: the mobile sent STOP")]
    private static partial void LogHeldBack(ILogger logger, string templateId, string mobile);

    [LoggerMessage(EventId = 5148, Level = LogLevel.Error, Message = "SMS template {TemplateId} has no DLT template id (Sms:Gateway:DltTemplates); not sent")]
    private static partial void LogNoDltTemplate(ILogger logger, string templateId);
}
