using Emigrate.Data.Cases;
using Emigrate.Domain.Cases;

namespace Emigrate.Tests.Data;

public sealed class CaseTimelineTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.UnixEpoch.AddYears(56);

    [Fact]
    public void Entries_come_back_in_time_order_and_a_repeat_adds_nothing()
    {
        string? json = CaseTimeline.With(null, new TimelineEntry(CaseStage.AwaitingDocuments, T.AddMinutes(2), null));
        json = CaseTimeline.With(json, new TimelineEntry(CaseStage.Registered, T, "new"));

        Assert.Null(CaseTimeline.With(json, new TimelineEntry(CaseStage.Registered, T, "new")));
        Assert.Equal(
            [(CaseStage.Registered, T, (string?)"new"), (CaseStage.AwaitingDocuments, T.AddMinutes(2), null)],
            CaseTimeline.Parse(json).Select(e => (e.Stage, e.At, e.Note)));
    }

    [Fact]
    public void A_long_history_stays_under_the_property_limit_keeping_the_first_and_the_latest_entries()
    {
        string? json = null;
        for (int i = 0; i < 400; i++)
        {
            json = CaseTimeline.With(json, new TimelineEntry(i % 2 == 0 ? CaseStage.DocumentsSentBack : CaseStage.AwaitingDocuments, T.AddMinutes(i), new string('र', 2000)));
        }

        var entries = CaseTimeline.Parse(json);
        Assert.InRange(json!.Length, 1, CaseTimeline.MaxChars);
        Assert.Equal(T, entries[0].At);
        Assert.Equal(T.AddMinutes(399), entries[^1].At);
        Assert.All(entries, e => Assert.Equal(CaseTimeline.MaxNoteLength, e.Note!.Length));
    }
}
