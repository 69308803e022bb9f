using Serverless.Storage.Tables.Queries;

namespace Serverless.Storage.Tests.Tables;

public sealed class ContinuationTokenTests
{
    [Theory]
    [InlineData("1!8!cGs-", "1!8!cms-")]
    [InlineData("a b", "c d")]
    [InlineData("only-partition", null)]
    public void A_token_carries_both_keys_back_unchanged(string nextPartitionKey, string? nextRowKey)
    {
        var token = ContinuationToken.Encode(nextPartitionKey, nextRowKey);

        Assert.True(ContinuationToken.TryDecode(token, out var pk, out var rk));
        Assert.Equal(nextPartitionKey, pk);
        Assert.Equal(nextRowKey, rk);
    }

    [Fact]
    public void No_next_partition_key_means_no_token()
    {
        Assert.Null(ContinuationToken.Encode(null, "rk"));
        Assert.False(ContinuationToken.TryDecode(null, out _, out _));
        Assert.False(ContinuationToken.TryDecode(string.Empty, out _, out _));
    }
}
