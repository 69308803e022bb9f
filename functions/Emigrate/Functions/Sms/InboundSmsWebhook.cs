using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Privacy;
using Emigrate.Sms;
using Emigrate.Sms.Inbound;
using Emigrate.Sms.Outbound;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Serverless.Functions;

namespace Emigrate.Functions.Sms;

/// <summary>
/// <c>POST /api/sms/inbound</c>: the SMS gateway delivers an SMS (form <c>From</c>, <c>Body</c>, <c>MessageId</c>);
/// the answer is the reply text, which the gateway sends back to the applicant.
/// </summary>
/// <remarks>
/// Anonymous at the key level because the gateway cannot send our function keys: it authenticates by the
/// <c>X-Twilio-Signature</c> HMAC over the URL and the form with the shared secret <c>Sms:WebhookSecret</c>, which
/// proves the body came from the gateway and was not altered (a key in a header would prove neither). A bad or
/// missing signature, or no secret configured, is 403. Duplicated message ids get the first reply, once.
/// </remarks>
public sealed partial class InboundSmsWebhook(InboundSmsHandler handler, IOptions<SmsOptions> options, ILogger<InboundSmsWebhook> logger)
{
    [Function("SmsInbound")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "sms/inbound")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, detail: "The webhook takes a form (application/x-www-form-urlencoded).");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            LogNoSecret(logger);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The webhook signature cannot be checked.");
        }

        var pairs = form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
        if (!WebhookSignature.IsValid(secret, SignedUrl(request, options.Value.PublicBaseUrl), pairs, request.Headers[WebhookSignature.HeaderName]))
        {
            LogBadSignature(logger);
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, detail: "The webhook signature is not valid.");
        }

        var messageId = form["MessageId"].ToString();
        var from = form["From"].ToString();
        var validFrom = MobileNumber.TryParse(from, out var mobile);
        if (messageId.Length is 0 or > 200 || !validFrom)
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (messageId.Length is 0 or > 200)
            {
                errors["MessageId"] = ["A message id (at most 200 characters) is required."];
            }

            if (!validFrom)
            {
                errors["From"] = ["Not an Indian mobile number."];
            }

            LogRejected(logger, LogMask.Mobile(from));
            return Results.ValidationProblem(errors);
        }

        try
        {
            var outcome = await handler.HandleAsync(new InboundSms(messageId, mobile!, form["Body"].ToString()), cancellationToken);
            LogAnswered(logger, mobile!.Masked, outcome.Reply.TemplateId, outcome.Duplicate);
            return Results.Text(outcome.Reply.Text, "text/plain; charset=utf-8");
        }
        catch (InboundMessageIdConflictException)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, detail: "The message id was already used by another sender.");
        }
    }

    /// <summary>The URL the gateway signed: the configured public base URL (or the request's own) with the request's path and query.</summary>
    internal static string SignedUrl(HttpRequest request, Uri? publicBaseUrl)
    {
        var pathAndQuery = request.PathBase.Add(request.Path).ToUriComponent() + request.QueryString.ToUriComponent();
        return publicBaseUrl is null
            ? $"{request.Scheme}://{request.Host.ToUriComponent()}{pathAndQuery}"
            : publicBaseUrl.GetLeftPart(UriPartial.Authority) + publicBaseUrl.AbsolutePath.TrimEnd('/') + pathAndQuery;
    }

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "SMS webhook refused: Sms:WebhookSecret is not configured")]
    private static partial void LogNoSecret(ILogger logger);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "SMS webhook refused: bad signature")]
    private static partial void LogBadSignature(ILogger logger);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Information, Message = "SMS webhook rejected a delivery from {Mobile}: missing message id or not a mobile")]
    private static partial void LogRejected(ILogger logger, string mobile);

    [LoggerMessage(EventId = 5114, Level = LogLevel.Information, Message = "SMS from {Mobile} answered with {TemplateId} (duplicate: {Duplicate})")]
    private static partial void LogAnswered(ILogger logger, string mobile, string templateId, bool duplicate);
}
