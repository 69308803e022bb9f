using System.ComponentModel.DataAnnotations;

namespace Emigrate.Sms.Outbound;

/// <summary>
/// The HTTP SMS gateway (section <c>Sms:Gateway</c>). When <see cref="Url"/> is set, outbound SMS go to the gateway
/// (and are still recorded in the outbox with their delivery state); otherwise they are only recorded.
/// </summary>
/// <remarks>
/// The account, key and DLT ids come from settings or the environment (<c>Sms__Gateway__ApiKey</c>), never from the
/// repository. India's DLT rules make operators drop any commercial SMS without a registered sender (header),
/// principal entity id and template id, so all three are required.
/// </remarks>
public sealed class SmsGatewayOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Sms:Gateway";

    /// <summary>The gateway's send endpoint (<c>https://sms.example.in/v1/messages</c>); unset means outbox only.</summary>
    public Uri? Url { get; set; }

    /// <summary>The name recorded as each message's delivery in the outbox.</summary>
    [Required]
    public string Name { get; set; } = "gateway";

    /// <summary>The account id (user name of HTTP Basic authentication).</summary>
    public string? AccountId { get; set; }

    /// <summary>The API key (password of HTTP Basic authentication). A secret: settings or environment only.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The DLT-registered sender id (header), six letters such as <c>EMIGRT</c>.</summary>
    public string? SenderId { get; set; }

    /// <summary>Our DLT principal entity id.</summary>
    public string? DltEntityId { get; set; }

    /// <summary>Our template id (<c>result-cleared.en</c>) → its DLT template id. A message without one is not sent.</summary>
    public Dictionary<string, string> DltTemplates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts per message on 5xx, 429, timeouts and connection failures; a 4xx is never retried.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry, doubled for each further one.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, also the cap on a gateway's <c>Retry-After</c>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether a gateway is configured.</summary>
    public bool Enabled => Url is not null;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Url!.IsAbsoluteUri || Url.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult("Must be an absolute http(s) URL.", [nameof(Url)]);
        }

        foreach (var (name, value) in new[] { (nameof(AccountId), AccountId), (nameof(ApiKey), ApiKey), (nameof(SenderId), SenderId), (nameof(DltEntityId), DltEntityId) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                yield return new ValidationResult($"Sms:Gateway:{name} is required when Sms:Gateway:Url is set.", [name]);
            }
        }

        if (Timeout <= TimeSpan.Zero || FirstRetryDelay < TimeSpan.Zero || MaxRetryDelay < FirstRetryDelay)
        {
            yield return new ValidationResult("Timeout must be positive and 0 <= FirstRetryDelay <= MaxRetryDelay.", [nameof(Timeout)]);
        }
    }
}
