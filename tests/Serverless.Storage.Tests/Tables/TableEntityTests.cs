using Serverless.Storage.Tables;

namespace Serverless.Storage.Tests.Tables;

public sealed class TableEntityTests
{
    [Fact]
    public void Typed_getters_return_null_for_missing_properties()
    {
        var entity = new TableEntity("p", "r");

        Assert.Null(entity.GetString("x"));
        Assert.Null(entity.GetInt32("x"));
        Assert.Null(entity.GetDateTimeOffset("x"));
        Assert.Null(entity["x"]);
    }

    [Fact]
    public void Typed_getters_widen_int32_but_refuse_other_types()
    {
        var entity = new TableEntity("p", "r") { ["N"] = 5, ["S"] = "five" };

        Assert.Equal(5L, entity.GetInt64("N"));
        Assert.Equal(5.0, entity.GetDouble("N"));
        Assert.Throws<InvalidOperationException>(() => entity.GetInt32("S"));
        Assert.Throws<InvalidOperationException>(() => entity.GetString("N"));
    }

    [Fact]
    public void Keys_timestamp_and_etag_live_in_the_dictionary_like_the_sdk()
    {
        var entity = new TableEntity("p", "r") { ETag = new Azure.ETag("W/\"1\"") };

        Assert.Equal("p", entity["PartitionKey"]);
        Assert.Equal("r", entity["RowKey"]);
        Assert.Equal("W/\"1\"", entity["odata.etag"]);
        entity.ETag = default;
        Assert.False(entity.ContainsKey("odata.etag"));
    }
}
