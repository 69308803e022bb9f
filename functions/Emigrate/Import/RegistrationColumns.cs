using System.Globalization;
using System.Text.Json.Nodes;

namespace Emigrate.Import;

/// <summary>
/// The CSV columns of a camp import: the registration fields of <c>POST /api/cases</c>, nested objects flattened
/// with dots (<c>passport.number</c>). An empty cell leaves the field out (so optional fields such as
/// <c>aadhaar</c> may be blank, and a blank required field comes back as that field's error).
/// </summary>
public static class RegistrationColumns
{
    /// <summary>The columns, in the order of the sample file.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "name", "dateOfBirth", "gender", "occupation", "mobile", "preferredLanguage",
        "passport.number", "passport.issueDate", "passport.expiryDate", "passport.category",
        "aadhaar",
        "address.line1", "address.district", "address.state", "address.pinCode",
        "destinationCountry",
        "recruitment.route", "recruitment.agentRegistrationNumber", "recruitment.jobId",
        "job.employer", "job.title", "job.monthlySalary", "job.currency", "job.contractYears", "job.intendedDeparture",
    ];

    /// <summary>The column that identifies a row in reports (the server refuses a second open case per passport).</summary>
    public const string Passport = "passport.number";

    // Sent as JSON numbers; every other column is a string (mobile and PIN code keep their digits as typed).
    private static readonly HashSet<string> Numbers = new(StringComparer.Ordinal) { "job.monthlySalary", "job.contractYears" };

    /// <summary>Problems with a header: duplicate, empty or unknown columns, or no passport column.</summary>
    public static IReadOnlyList<string> CheckHeader(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var problems = new List<string>();
        foreach (var duplicate in header.GroupBy(h => h.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"Column '{duplicate.Key}' appears {duplicate.Count()} times.");
        }

        foreach (var unknown in header.Select(h => h.Trim()).Where(h => !All.Contains(h, StringComparer.Ordinal)))
        {
            problems.Add(unknown.Length == 0 ? "A column has no name." : $"Unknown column '{unknown}'; the columns are: {string.Join(", ", All)}.");
        }

        if (!header.Select(h => h.Trim()).Contains(Passport, StringComparer.Ordinal))
        {
            problems.Add($"The column '{Passport}' is required.");
        }

        return problems;
    }

    /// <summary>The registration body of one row.</summary>
    public static JsonObject ToBody(IReadOnlyList<string> header, IReadOnlyList<string> fields)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fields);
        var body = new JsonObject();
        for (var i = 0; i < header.Count && i < fields.Count; i++)
        {
            var column = header[i].Trim();
            var value = fields[i].Trim();
            if (value.Length == 0)
            {
                continue;
            }

            var parts = column.Split('.');
            var target = body;
            foreach (var part in parts[..^1])
            {
                target = target[part] as JsonObject ?? (JsonObject)(target[part] = new JsonObject());
            }

            target[parts[^1]] = Numbers.Contains(column) && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : JsonValue.Create(value);
        }

        return body;
    }
}
