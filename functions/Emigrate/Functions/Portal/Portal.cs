using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Orchestrations;
using Microsoft.AspNetCore.Http;
using Serverless.Durable.Client;
using Serverless.Functions;

namespace Emigrate.Functions.Portal;

/// <summary>The portal's roles.</summary>
public static class Roles
{
    /// <summary>A CSC's operator.</summary>
    public const string Csc = "csc-operator";

    /// <summary>A document verifier of a PoE office.</summary>
    public const string Verifier = "verifier";

    /// <summary>A PoE officer.</summary>
    public const string Poe = "poe-officer";

    /// <summary>A medical centre.</summary>
    public const string MedicalCentre = "medical-centre";

    /// <summary>An insurer.</summary>
    public const string Insurer = "insurer";
}

/// <summary>What the portal functions share: finding a case the caller may see, problems, raising events.</summary>
public static class Portal
{
    /// <summary>JSON for request bodies: camelCase, unknown fields rejected.</summary>
    public static JsonSerializerOptions Strict { get; } = new(EmigrateJson.Options)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>
    /// The case when the caller may see it: the owning CSC, or a verifier / PoE officer of its jurisdiction (other
    /// roles get their own checks). Everyone else gets null, answered exactly like an unknown id.
    /// </summary>
    public static async Task<CaseRecord?> FindForCallerAsync(CaseStore cases, string caseId, FunctionContext context, params string[] roles)
    {
        FunctionCaller? caller = context.GetCaller();
        CaseRecord? record = await cases.FindAsync(caseId, context.CancellationToken);
        if (caller is null || record is null || !roles.Contains(caller.Role))
        {
            return null;
        }

        return caller.Role switch
        {
            Roles.Csc => record.CscId == caller.OrganisationId ? record : null,
            Roles.Verifier or Roles.Poe => record.PoeOffice == caller.OrganisationId ? record : null,
            _ => record,
        };
    }

    /// <summary>
    /// The case the caller may see (see <see cref="FindForCallerAsync"/>) and the strictly read body: 404 first, so
    /// a caller learns nothing about a case it may not see from how its body is judged; then 400.
    /// </summary>
    /// <param name="cases">The case store.</param>
    /// <param name="caseId">The case id from the route.</param>
    /// <param name="request">The request whose body to read.</param>
    /// <param name="context">The invocation (caller, cancellation).</param>
    /// <param name="owns">
    /// An extra check for roles that see a case through a fact of it (the booked centre, the requested insurer);
    /// false answers 404 like an unknown id.
    /// </param>
    /// <param name="roles">The roles that may see the case.</param>
    public static async Task<PortalCall<TBody>> FindAndReadAsync<TBody>(
        CaseStore cases, string caseId, HttpRequest request, FunctionContext context, Func<CaseRecord, FunctionCaller, bool>? owns, params string[] roles)
        where TBody : class
    {
        ArgumentNullException.ThrowIfNull(request);
        CaseRecord? record = await FindForCallerAsync(cases, caseId, context, roles);
        if (record is null || (owns is not null && !owns(record, context.GetCaller()!)))
        {
            return new PortalCall<TBody>(null, null, NotFound());
        }

        (TBody? body, IResult? invalid) = await ReadAsync<TBody>(request);
        return new PortalCall<TBody>(record, body, invalid);
    }

    /// <summary>404 problem details, the same for unknown and foreign cases.</summary>
    public static IResult NotFound() =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no case with that id.");

    /// <summary>409 problem details saying the stage and what the action needs.</summary>
    public static IResult Conflict(StageConflict conflict) => Results.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The case is not at a stage that allows this",
        detail: conflict.Message,
        extensions: new Dictionary<string, object?>
        {
            ["stage"] = conflict.Stage.WireName(),
            ["expected"] = conflict.Expected.Select(s => s.WireName()).ToArray(),
        });

    /// <summary>409 problem details with a sentence.</summary>
    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail, extensions: extensions);

    /// <summary>400 problem details with field errors.</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>415 problem details with a <c>contentType</c> field error unless the body is declared <c>application/json</c>.</summary>
    public static IResult? NotJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? mediaType = request.ContentType?.Split(';', 2)[0].Trim();
        return string.Equals(mediaType, "application/json", StringComparison.OrdinalIgnoreCase)
            ? null
            : Results.ValidationProblem(
                new Dictionary<string, string[]> { ["contentType"] = ["Send the body as application/json."] },
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type");
    }

    /// <summary>Parses a date as the portal takes it on the wire, <c>yyyy-MM-dd</c>.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>400 problem details for a missing or overlong <c>reason</c>; null when the reason will do.</summary>
    public static IResult? InvalidReason(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Length > 500 ? Invalid("reason", "Give a reason of at most 500 characters.") : null;

    /// <summary>Reads a JSON body strictly; on failure, the 400 (or 415) to answer.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request)
        where T : class
    {
        if (NotJson(request) is { } unsupported)
        {
            return (null, unsupported);
        }

        try
        {
            T? body = await JsonSerializer.DeserializeAsync<T>(request.Body, Strict, request.HttpContext.RequestAborted);
            return body is null ? (null, Invalid("body", "A JSON object is required.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Invalid(string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.'), "The body is not valid: " + e.Message.Split('.')[0] + "."));
        }
    }

    /// <summary>Tells the case's waiting orchestration instance what happened.</summary>
    public static Task RaiseAsync(DurableTaskClient client, CaseRecord record, CaseEvent caseEvent, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(record.EventTarget, CaseEvents.Name, caseEvent, cancellationToken);
}
