using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Emigrate.Sms.Outbound;

/// <summary>
/// Hands one SMS to the HTTP gateway: <c>POST {Url}</c> with a JSON body (<c>to</c> in E.164, <c>sender</c>,
/// <c>text</c>, <c>encoding</c>, <c>dltEntityId</c>, <c>dltTemplateId</c>, <c>reference</c>), HTTP Basic
/// authentication with the account id and API key, and an <c>Idempotency-Key</c> header equal to the reference.
/// </summary>
/// <remarks>
/// Retries 5xx, 429 and 408 answers, timeouts and connection failures with exponential backoff (honouring a
/// <c>Retry-After</c> up to the longest delay); any other 4xx is final, as the same request would fail again.
/// The reference is stable per message, so a gateway that deduplicates by it drops the copy a retry after a lost
/// answer would otherwise deliver twice. Logs show the masked mobile and status codes, never the key or the text.
/// </remarks>
public sealed partial class SmsGatewayClient(IHttpClientFactory clients, IOptions<SmsGatewayOptions> options, TimeProvider time, ILogger<SmsGatewayClient> logger)
{
    /// <summary>The name of the gateway's client in <see cref="IHttpClientFactory"/>.</summary>
    public const string ClientName = "Emigrate.SmsGateway";

    /// <summary>The header carrying <see cref="SmsGatewayRequest.Reference"/>.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends the request, retrying transient failures; never throws for an HTTP outcome.</summary>
    public async Task<SmsDelivery> SendAsync(SmsGatewayRequest request, string maskedMobile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        // A client per message from the factory, so connections are pooled and DNS changes are still picked up.
        var http = clients.CreateClient(ClientName);
        string detail = "not attempted";
        for (int attempt = 1; attempt <= settings.MaxAttempts; attempt++)
        {
            TimeSpan? retryAfter = null;
            using (var perAttempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                perAttempt.CancelAfter(settings.Timeout);
                try
                {
                    using var message = Build(request, settings);
                    using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, perAttempt.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        string? id = await ReadIdAsync(response, perAttempt.Token);
                        LogSent(logger, request.DltTemplateId, maskedMobile, attempt);
                        return new SmsDelivery(SmsDeliveryStates.Sent, attempt, id, null);
                    }

                    detail = $"HTTP {(int)response.StatusCode}";
                    if (!IsTransient(response.StatusCode))
                    {
                        LogRejected(logger, request.DltTemplateId, maskedMobile, (int)response.StatusCode);
                        return new SmsDelivery(SmsDeliveryStates.Rejected, attempt, null, detail);
                    }

                    retryAfter = RetryAfter(response, time.GetUtcNow());
                }
                catch (HttpRequestException e)
                {
                    detail = "connection failed: " + (e.HttpRequestError == HttpRequestError.Unknown ? "unknown" : e.HttpRequestError.ToString());
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    detail = $"timed out after {settings.Timeout.TotalSeconds:0.###} s";
                }
            }

            if (attempt < settings.MaxAttempts)
            {
                var delay = Backoff(attempt, retryAfter, settings);
                LogRetrying(logger, request.DltTemplateId, maskedMobile, attempt, detail, delay.TotalMilliseconds);
                await Task.Delay(delay, time, cancellationToken);
            }
        }

        LogFailed(logger, request.DltTemplateId, maskedMobile, settings.MaxAttempts, detail);
        return new SmsDelivery(SmsDeliveryStates.Failed, settings.MaxAttempts, null, detail);
    }

    /// <summary>5xx, 429 (too many requests) and 408 (request timeout) may pass on a later try; other 4xx will not.</summary>
    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: the gateway's Retry-After, else doubling from the first delay; capped.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan? retryAfter, SmsGatewayOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exponential = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 20));
        var wanted = retryAfter is { } after && after > TimeSpan.Zero ? after : exponential;
        return wanted > settings.MaxRetryDelay ? settings.MaxRetryDelay : wanted;
    }

    private static HttpRequestMessage Build(SmsGatewayRequest request, SmsGatewayOptions settings)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = JsonContent.Create(request, options: Json) };
        message.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.AccountId}:{settings.ApiKey}")));
        message.Headers.Add(IdempotencyHeader, request.Reference);
        return message;
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? date - now : null);

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // The id is a convenience for support calls: a success without a readable one is still a success.
        try
        {
            using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            return body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 5141, Level = LogLevel.Information, Message = "SMS {DltTemplateId} to {Mobile} accepted by the gateway on attempt {Attempt}")]
    private static partial void LogSent(ILogger logger, string dltTemplateId, string mobile, int attempt);

    [LoggerMessage(EventId = 5142, Level = LogLevel.Warning, Message = "SMS {DltTemplateId} to {Mobile}: attempt {Attempt} failed ({Detail}); retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string dltTemplateId, string mobile, int attempt, string detail, double delayMs);

    [LoggerMessage(EventId = 5143, Level = LogLevel.Error, Message = "SMS {DltTemplateId} to {Mobile} refused by the gateway with HTTP {Status}; not retried")]
    private static partial void LogRejected(ILogger logger, string dltTemplateId, string mobile, int status);

    [LoggerMessage(EventId = 5144, Level = LogLevel.Error, Message = "SMS {DltTemplateId} to {Mobile} not delivered after {Attempts} attempts ({Detail})")]
    private static partial void LogFailed(ILogger logger, string dltTemplateId, string mobile, int attempts, string detail);
}

/// <summary>The JSON body the gateway receives.</summary>
/// <param name="To">The recipient in E.164 (<c>+919876543210</c>).</param>
/// <param name="Sender">The DLT-registered sender id (header).</param>
/// <param name="Text">The text, exactly as rendered from the registered template.</param>
/// <param name="Encoding"><c>gsm7</c> or <c>ucs2</c> (Hindi).</param>
/// <param name="DltEntityId">Our DLT principal entity id.</param>
/// <param name="DltTemplateId">The DLT template id of the message's template.</param>
/// <param name="Reference">Stable per message (SHA-256 of its idempotency key), for the gateway to deduplicate.</param>
public sealed record SmsGatewayRequest(string To, string Sender, string Text, string Encoding, string DltEntityId, string DltTemplateId, string Reference);
