using System.ComponentModel.DataAnnotations;

namespace Emigrate.Sms.Outbound;

/// <summary>Settings of the SMS side (section <c>Sms</c>; <c>Sms__WebhookSecret</c> as an environment variable).</summary>
public sealed class SmsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sms";

    /// <summary>The shared secret the gateway signs webhooks with; without it every webhook call is refused (403).</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// The public base URL the gateway calls (<c>https://sms.example.in</c>), when a proxy in front of the host makes
    /// the URL the host sees differ from the one the gateway signed; default: the request's own URL.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>The outbox table (every outbound SMS, newest first per recipient).</summary>
    [Required]
    public string OutboxTable { get; set; } = "SmsOutbox";

    /// <summary>The opt-out table (STOP / START).</summary>
    [Required]
    public string OptOutTable { get; set; } = "SmsOptOuts";

    /// <summary>The inbound message-id table (duplicates answered once).</summary>
    [Required]
    public string InboundTable { get; set; } = "SmsInbound";

    /// <summary>The reminders-by-due-time index.</summary>
    [Required]
    public string RemindersTable { get; set; } = "SmsReminders";

    /// <summary>The six-field NCRONTAB schedule of the reminder timer.</summary>
    [Required]
    public string ReminderSchedule { get; set; } = "0 */15 * * * *";
}
