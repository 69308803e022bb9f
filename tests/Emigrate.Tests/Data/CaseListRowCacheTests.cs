using Azure;
using Emigrate.Data.Cases;
using Serverless.Storage.Tables;

namespace Emigrate.Tests.Data;

/// <summary>The row cache stays within its budget, least recently used first, and forgets a list whole.</summary>
public sealed class CaseListRowCacheTests
{
    private static TableEntity Row(string list, string key, int chars, string etag = "W/\"1\"") =>
        new(list, key) { ["Entries"] = new string('x', chars), ETag = new ETag(etag) };

    [Fact]
    public void Rows_past_the_budget_are_dropped_least_recently_used_first()
    {
        var cache = new CaseListRowCache(budgetChars: 2_500);
        cache.Set(Row("a", "p1", 1_000));
        cache.Set(Row("a", "p2", 1_000));
        Assert.NotNull(cache.Get("a", "p1"));

        cache.Set(Row("b", "p3", 1_000));

        Assert.NotNull(cache.Get("a", "p1"));
        Assert.Null(cache.Get("a", "p2"));
        Assert.NotNull(cache.Get("b", "p3"));
    }

    [Fact]
    public void An_offer_keeps_the_cached_row_and_a_set_replaces_it()
    {
        var cache = new CaseListRowCache();
        cache.Set(Row("a", "p1", 10, "W/\"2\""));

        cache.Offer(Row("a", "p1", 10, "W/\"1\""));
        Assert.Equal(new ETag("W/\"2\""), cache.Get("a", "p1")!.ETag);

        cache.Set(Row("a", "p1", 10, "W/\"3\""));
        Assert.Equal(new ETag("W/\"3\""), cache.Get("a", "p1")!.ETag);
    }

    [Fact]
    public void Dropping_a_list_forgets_its_rows_only()
    {
        var cache = new CaseListRowCache();
        cache.Set(Row("a", "h", 10));
        cache.Set(Row("a", "m", 10));
        cache.Set(Row("ab", "h2", 10));

        cache.Drop("a");
        cache.Remove("ab", "missing");

        Assert.Null(cache.Get("a", "h"));
        Assert.Null(cache.Get("a", "m"));
        Assert.NotNull(cache.Get("ab", "h2"));
        cache.Set(Row("a", "h", 10));
        Assert.NotNull(cache.Get("a", "h"));
    }
}
