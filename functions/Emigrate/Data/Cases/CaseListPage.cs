using System.Text.Json;
using Emigrate.Domain.Cases;

namespace Emigrate.Data.Cases;

/// <summary>One case on a page row of a list: what the list shows, and its place on the page.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Stage">The case's stage.</param>
/// <param name="Name">The applicant's name.</param>
/// <param name="RegisteredAt">When it was registered.</param>
/// <param name="Seq">Its place on the page: increasing in append order, never reused, so a continuation token that
/// names it stays right when entries before it are removed.</param>
public sealed record CaseListEntry(string CaseId, CaseStage Stage, string Name, DateTimeOffset RegisteredAt, long Seq = 0)
{
    /// <summary>The list item it shows.</summary>
    public CaseListItem ToItem() => new(this.CaseId, this.Stage, this.Name, this.RegisteredAt);
}

/// <summary>The entries of one page row, stored as one JSON property.</summary>
/// <remarks>
/// A page takes at most <see cref="MaxEntries"/> entries and <see cref="MaxChars"/> characters of JSON, whichever
/// comes first, well inside a string property's 64 KiB however long (or escaped) the names are.
/// </remarks>
public static class CaseListPage
{
    /// <summary>The page row property holding the entries.</summary>
    public const string Property = "Entries";

    /// <summary>The page row property holding the last sequence number given out on the page.</summary>
    public const string SeqProperty = "Seq";

    /// <summary>The most entries on a page.</summary>
    public const int MaxEntries = 100;

    /// <summary>The most JSON characters on a page.</summary>
    public const int MaxChars = 24_000;

    /// <summary>The entries, in sequence order.</summary>
    public static List<CaseListEntry> Parse(string? json) =>
        string.IsNullOrEmpty(json)
            ? []
            : JsonSerializer.Deserialize<List<Stored>>(json)!
                .Select(s => new CaseListEntry(s.I, CaseStages.All.First(c => c.WireName() == s.S), s.N, s.R, s.Q))
                .ToList();

    /// <summary>The JSON of the entries.</summary>
    public static string Serialize(IEnumerable<CaseListEntry> entries) =>
        JsonSerializer.Serialize(entries.Select(e => new Stored(e.CaseId, e.Stage.WireName(), e.Name, e.RegisteredAt, e.Seq)));

    /// <summary>The characters an entry adds to a page's JSON (its own and a separator).</summary>
    public static int CharsOf(CaseListEntry entry) => Serialize([entry]).Length - 1;

    /// <summary>Whether a page of <paramref name="count"/> entries and <paramref name="chars"/> JSON characters takes one more.</summary>
    public static bool HasRoom(int count, int chars, CaseListEntry more) =>
        count < MaxEntries && chars + CharsOf(more) <= MaxChars;

    /// <summary>The stored shape: short names, as every list read carries them.</summary>
    private sealed record Stored(string I, string S, string N, DateTimeOffset R, long Q);
}
