using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Emigrate.Domain.Privacy;

namespace Emigrate.Import;

/// <summary>The server refused the whole import (bad key, no such endpoint): stop, nothing more can succeed.</summary>
public sealed class ImportAbortedException(string message) : Exception(message);

/// <summary>
/// Registers the rows of a camp CSV, one <c>POST /api/cases</c> each with a CSC operator's key, in file order.
/// A 409 (that passport already has an open case) is "already registered", so running the same file again
/// registers nothing twice.
/// </summary>
public sealed partial class CaseImporter(HttpClient http, TimeSpan? retryDelay = null)
{
    private const int Attempts = 3;
    private readonly TimeSpan _retryDelay = retryDelay ?? TimeSpan.FromSeconds(1);

    /// <summary>Imports the rows of <paramref name="csv"/>, reporting each outcome as it comes.</summary>
    /// <param name="csv">The file: a header of <see cref="RegistrationColumns"/> names, then one applicant per row.</param>
    /// <param name="onRow">Called after each row with the row's outcome, the rows done and the total.</param>
    /// <param name="cancellationToken">Stops after the current row.</param>
    /// <exception cref="FormatException">The header is not usable or the file is not valid CSV.</exception>
    /// <exception cref="ImportAbortedException">The server refused the key or has no such endpoint.</exception>
    public async Task<IReadOnlyList<ImportOutcome>> ImportAsync(TextReader csv, Action<ImportOutcome, int, int>? onRow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var records = CsvReader.Read(csv).ToList();
        if (records.Count == 0)
        {
            throw new FormatException("The file is empty: it needs a header row.");
        }

        var header = records[0].Fields;
        var problems = RegistrationColumns.CheckHeader(header);
        if (problems.Count > 0)
        {
            throw new FormatException(string.Join(Environment.NewLine, problems));
        }

        var passportColumn = header.Select(h => h.Trim()).ToList().IndexOf(RegistrationColumns.Passport);
        var rows = records.Skip(1).ToList();
        var outcomes = new List<ImportOutcome>(rows.Count);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var passport = LogMask.Passport(passportColumn < row.Fields.Count ? row.Fields[passportColumn].Trim().ToUpperInvariant() : string.Empty);
            var outcome = row.Fields.Count != header.Count
                ? new ImportOutcome(row.Line, passport, ImportStatus.Rejected, null, [$"The row has {row.Fields.Count} fields; the header has {header.Count}."])
                : await PostAsync(row.Line, passport, RegistrationColumns.ToBody(header, row.Fields).ToJsonString(), cancellationToken);
            outcomes.Add(outcome);
            onRow?.Invoke(outcome, outcomes.Count, rows.Count);
        }

        return outcomes;
    }

    private async Task<ImportOutcome> PostAsync(int line, string passport, string body, CancellationToken cancellationToken)
    {
        string? failure = null;
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(_retryDelay * (attempt - 1), cancellationToken);
            }

            try
            {
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(new Uri("api/cases", UriKind.Relative), content, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted:
                        return new ImportOutcome(line, passport, ImportStatus.Registered, CaseIdIn(text, response), []);
                    case HttpStatusCode.Conflict:
                        return new ImportOutcome(line, passport, ImportStatus.AlreadyRegistered, CaseIdIn(text, response), []);
                    case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity:
                        return new ImportOutcome(line, passport, ImportStatus.Rejected, null, FieldErrors(text));
                    case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                        throw new ImportAbortedException($"The server refused the key ({(int)response.StatusCode}): use a csc-operator key.");
                    case HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed:
                        throw new ImportAbortedException($"The server has no POST /api/cases ({(int)response.StatusCode}): check --url.");
                    default:
                        failure = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
                        if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                        {
                            return new ImportOutcome(line, passport, ImportStatus.Rejected, null, [failure + ": " + Detail(text)]);
                        }

                        break;
                }
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "the server did not answer in time";
            }
        }

        return new ImportOutcome(line, passport, ImportStatus.Failed, null, [failure ?? "unknown failure"]);
    }

    private static string? CaseIdIn(string text, HttpResponseMessage response)
    {
        var match = CaseIdPattern().Match(text);
        if (match.Success)
        {
            return match.Value;
        }

        var location = response.Headers.Location?.ToString();
        return location is null ? null : CaseIdPattern().Match(location) is { Success: true } m ? m.Value : null;
    }

    /// <summary>The field errors of a validation problem, as <c>field: message</c>.</summary>
    internal static IReadOnlyList<string> FieldErrors(string problemJson)
    {
        try
        {
            using var document = JsonDocument.Parse(problemJson);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                var list = errors.EnumerateObject()
                    .SelectMany(field => field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => $"{field.Name}: {m}")
                        : [$"{field.Name}: {field.Value}"])
                    .ToList();
                if (list.Count > 0)
                {
                    return list;
                }
            }
        }
        catch (JsonException)
        {
            // Not problem details: fall back to the text.
        }

        return [Detail(problemJson)];
    }

    private static string Detail(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            return root.TryGetProperty("detail", out var detail) ? detail.ToString()
                : root.TryGetProperty("title", out var title) ? title.ToString()
                : text;
        }
        catch (JsonException)
        {
            return text.Length > 200 ? text[..200] : text;
        }
    }

    [GeneratedRegex("EM[0-9A-HJKMNP-TV-Z]{10}")]
    private static partial Regex CaseIdPattern();
}
