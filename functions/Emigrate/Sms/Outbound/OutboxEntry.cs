namespace Emigrate.Sms.Outbound;

/// <summary>One message in the outbox, as an admin reads it.</summary>
/// <param name="At">When it was recorded (UTC).</param>
/// <param name="To">The recipient: a mobile (10 digits) or, for an office without a phone, the office id.</param>
/// <param name="TemplateId">The template it was rendered from.</param>
/// <param name="Language">Its language (<c>en</c>, <c>hi</c>).</param>
/// <param name="Text">The text.</param>
/// <param name="Kind">What kind of message (<c>reply</c>, <c>reminder</c>, …).</param>
/// <param name="CaseId">The case, when there is one.</param>
/// <param name="Segments">How many SMS the text costs.</param>
/// <param name="Delivery">How it left: <c>outbox</c> (recorded only; the local sender) or a gateway's name.</param>
public sealed record OutboxEntry(DateTimeOffset At, string To, string TemplateId, string Language, string Text, string Kind, string? CaseId, int Segments, string Delivery)
{
    /// <summary>Where it stands: <c>recorded</c> (outbox only), or <c>pending</c>, <c>sent</c>, <c>failed</c>, <c>rejected</c> at the gateway (<see cref="SmsDeliveryStates"/>).</summary>
    public string DeliveryState { get; init; } = SmsDeliveryStates.Recorded;

    /// <summary>HTTP attempts made to hand it to the gateway, over every call.</summary>
    public int Attempts { get; init; }

    /// <summary>The gateway's id of the message, once accepted.</summary>
    public string? GatewayMessageId { get; init; }

    /// <summary>Why the last attempt failed (status code or error kind).</summary>
    public string? DeliveryDetail { get; init; }
}
