using Emigrate.Domain.Identifiers;
using Emigrate.Sms.Outbound;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Serverless.Functions;

namespace Emigrate.Functions.Sms;

/// <summary><c>GET /api/sms/outbox?mobile=&amp;top=</c> (admin): the messages sent to a mobile (or an office id), newest first.</summary>
public sealed class SmsOutboxFunction(SmsOutbox outbox)
{
    private const int DefaultTop = 50;
    private const int MaxTop = 500;

    [Function("SmsOutbox")]
    [Authorize(Roles = "admin")]
    public async Task<IResult> Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "sms/outbox")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var to = request.Query["mobile"].ToString();
        string? recipient = MobileNumber.TryParse(to, out var mobile) ? mobile.Value
            : to.StartsWith("poe-", StringComparison.Ordinal) ? to
            : null;
        if (recipient is null)
        {
            errors["mobile"] = ["An Indian mobile number (or a PoE office id such as poe-mumbai) is required."];
        }

        var top = DefaultTop;
        if (request.Query.TryGetValue("top", out var topText) && (!int.TryParse(topText, out top) || top is < 1 or > MaxTop))
        {
            errors["top"] = [$"Between 1 and {MaxTop}."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors);
        }

        return Results.Ok(await outbox.ListAsync(recipient!, top, cancellationToken));
    }
}
