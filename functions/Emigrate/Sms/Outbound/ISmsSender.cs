namespace Emigrate.Sms.Outbound;

/// <summary>
/// The sender port: every outbound SMS goes through it. Locally it records into an outbox table a person can read;
/// a real gateway adapter sits behind configuration.
/// </summary>
/// <remarks>
/// Sending is idempotent by <see cref="OutboundSms.IdempotencyKey"/>: callers in activities pass the engine's stable
/// activity id (or a reminder's deduplication key), so an activity that runs twice sends once.
/// </remarks>
public interface ISmsSender
{
    /// <summary>Sends the message unless one with the same idempotency key was already sent.</summary>
    /// <returns><see langword="true"/> when this call sent it; <see langword="false"/> when it had been sent before or policy held it back (STOP, for reminders).</returns>
    Task<bool> SendAsync(OutboundSms message, CancellationToken cancellationToken);
}
