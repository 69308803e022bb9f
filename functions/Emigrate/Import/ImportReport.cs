namespace Emigrate.Import;

/// <summary>The per-row report of an import: a CSV of the rows that need attention, and a one-line summary.</summary>
public static class ImportReport
{
    /// <summary>The header of the rejected-rows CSV.</summary>
    public const string Header = "line,passport,status,errors";

    /// <summary>Writes the rows that were rejected or failed, with their errors, one CSV line each.</summary>
    public static void WriteRejected(TextWriter writer, IEnumerable<ImportOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcomes);
        writer.WriteLine(Header);
        foreach (var outcome in outcomes.Where(o => o.NeedsAttention))
        {
            writer.WriteLine(string.Join(',',
                outcome.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CsvReader.Escape(outcome.Passport),
                outcome.Status == ImportStatus.Rejected ? "rejected" : "failed",
                CsvReader.Escape(string.Join("; ", outcome.Errors))));
        }
    }

    /// <summary><c>12 rows: 9 registered, 2 already registered, 1 rejected, 0 failed.</c></summary>
    public static string Summary(IReadOnlyCollection<ImportOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int Count(ImportStatus status) => outcomes.Count(o => o.Status == status);
        return $"{outcomes.Count} rows: {Count(ImportStatus.Registered)} registered, {Count(ImportStatus.AlreadyRegistered)} already registered, " +
            $"{Count(ImportStatus.Rejected)} rejected, {Count(ImportStatus.Failed)} failed.";
    }
}
