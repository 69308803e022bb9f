using System.Text.Json;
using Emigrate.Domain.Cases;

namespace Emigrate.Data.Cases;

/// <summary>
/// A case's timeline as one property of its Cases row, so <c>GET /api/cases/{id}</c> reads it with the row (a point
/// read) instead of querying a timeline partition (which Azurite answers by scanning the whole table).
/// </summary>
/// <remarks>
/// A timeline only grows by stage changes, but send-back and rebooking loops have no hard cap, and a string property
/// holds at most 64 KiB (32 K UTF-16 chars). So the stored JSON is kept under <see cref="MaxChars"/>: notes are cut
/// to <see cref="MaxNoteLength"/> and, past that, the oldest entries after the first are dropped. An entry is keyed by
/// its time and stage, as the old timeline row was, so a re-run of a stage change adds nothing.
/// </remarks>
public static class CaseTimeline
{
    /// <summary>The Cases row property that holds the timeline.</summary>
    public const string Property = "Timeline";

    /// <summary>The longest note kept per entry.</summary>
    public const int MaxNoteLength = 300;

    /// <summary>The most JSON characters stored: half the property limit, room for escaped non-ASCII notes.</summary>
    public const int MaxChars = 30_000;

    /// <summary>The entries the property holds, oldest first.</summary>
    public static IReadOnlyList<TimelineEntry> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        return JsonSerializer.Deserialize<List<Stored>>(json)!
            .Select(s => new TimelineEntry(CaseStages.All.First(c => c.WireName() == s.S), s.At, string.IsNullOrEmpty(s.N) ? null : s.N))
            .ToList();
    }

    /// <summary>The property with <paramref name="entry"/> added in time order, or null when it holds that entry already.</summary>
    public static string? With(string? json, TimelineEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var entries = Parse(json).ToList();
        if (entries.Any(e => e.At.UtcTicks == entry.At.UtcTicks && e.Stage == entry.Stage))
        {
            return null;
        }

        string? note = entry.Note is { Length: > MaxNoteLength } full ? full[..MaxNoteLength] : entry.Note;
        entries.Add(entry with { Note = note });
        entries.Sort((a, b) => a.At.UtcTicks != b.At.UtcTicks ? a.At.UtcTicks.CompareTo(b.At.UtcTicks) : string.CompareOrdinal(a.Stage.WireName(), b.Stage.WireName()));
        string text = Serialize(entries);
        while (text.Length > MaxChars && entries.Count > 2)
        {
            entries.RemoveAt(1);
            text = Serialize(entries);
        }

        return text;
    }

    private static string Serialize(List<TimelineEntry> entries) =>
        JsonSerializer.Serialize(entries.Select(e => new Stored(e.Stage.WireName(), e.At, e.Note ?? "")));

    /// <summary>The stored shape: short names, as the row carries it on every read of the case.</summary>
    private sealed record Stored(string S, DateTimeOffset At, string N);
}
