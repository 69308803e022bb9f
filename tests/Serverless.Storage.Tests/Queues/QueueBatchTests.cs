using Serverless.Testing;

namespace Serverless.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueBatchTests(AzuriteFixture fixture) : QueueTestBase(fixture)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Receive_returns_up_to_32_distinct_messages_at_once()
    {
        await SendAsync(40);

        var batch = (await Queue.ReceiveMessagesAsync(Queue.MaxPeekableMessages, Hold)).Value;
        var rest = (await Queue.ReceiveMessagesAsync(32, Hold)).Value;

        Assert.Equal(32, batch.Length);
        Assert.Equal(8, rest.Length);
        Assert.Equal(40, batch.Concat(rest).Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(
            Enumerable.Range(0, 40).Select(i => $"m{i}").Order(StringComparer.Ordinal),
            batch.Concat(rest).Select(m => m.MessageText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Peek_returns_up_to_32_messages_at_once()
    {
        await SendAsync(33);

        Assert.Equal(32, (await Queue.PeekMessagesAsync(32)).Value.Length);
    }

    [Fact]
    public async Task Approximate_count_includes_hidden_messages_and_drops_deleted_ones()
    {
        await SendAsync(5);
        var taken = (await Queue.ReceiveMessagesAsync(2, Hold)).Value;

        Assert.Equal(5, (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        await Queue.DeleteMessageAsync(taken[0].MessageId, taken[0].PopReceipt);
        Assert.Equal(4, (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCountLong);
    }

    [Fact]
    public async Task Clear_removes_every_message_visible_or_not()
    {
        await SendAsync(3);
        await Queue.SendMessageAsync("hidden", visibilityTimeout: Hold);
        await Queue.ReceiveMessageAsync(Hold);

        await Queue.ClearMessagesAsync();

        Assert.Equal(0, (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await Queue.PeekMessagesAsync(32)).Value);
    }

    [Fact]
    public async Task Message_past_its_time_to_live_expires_while_others_stay()
    {
        await Queue.SendMessageAsync("brief", timeToLive: TimeSpan.FromSeconds(1));
        var lasting = (await Queue.SendMessageAsync("lasting")).Value;

        var left = await Poll.UntilAsync(
            async () => (await Queue.PeekMessagesAsync(32)).Value is [var only] ? only : null,
            "the short-lived message expires");

        Assert.Equal(lasting.MessageId, left.MessageId);
    }

    [Fact]
    public async Task Infinite_time_to_live_means_the_message_never_expires()
    {
        var infinite = (await Queue.SendMessageAsync("forever", timeToLive: Timeout.InfiniteTimeSpan)).Value;
        var minusOne = (await Queue.SendMessageAsync("forever", timeToLive: TimeSpan.FromSeconds(-1))).Value;

        Assert.Equal(9999, infinite.ExpirationTime.Year);
        Assert.Equal(9999, minusOne.ExpirationTime.Year);
        Assert.All((await Queue.PeekMessagesAsync(32)).Value, m => Assert.Equal(9999, m.ExpiresOn!.Value.Year));
    }

    private async Task SendAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await Queue.SendMessageAsync($"m{i}");
        }
    }
}
