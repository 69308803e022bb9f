using Serverless.Storage.Queues;

namespace Serverless.Storage.Tests.Queues;

/// <summary>Bad arguments fail before any request is made, so these tests need no Azurite.</summary>
public sealed class QueueArgumentTests
{
    private static readonly TimeSpan OverSevenDays = TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1);

    private readonly QueueClient _queue = new("UseDevelopmentStorage=true", "never-contacted");

    [Fact]
    public async Task Visibility_delay_beyond_seven_days_is_refused_with_advice_to_chain_delays()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _queue.SendMessageAsync("late", visibilityTimeout: OverSevenDays));

        Assert.Equal("visibilityTimeout", error.ParamName);
        Assert.Contains("at most 7 days", error.Message, StringComparison.Ordinal);
        Assert.Contains("chain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receive_and_update_refuse_visibility_timeouts_beyond_seven_days()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(1, OverSevenDays));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessageAsync(OverSevenDays));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.UpdateMessageAsync("id", "receipt", "x", OverSevenDays));
    }

    [Fact]
    public async Task Negative_delays_and_a_zero_receive_timeout_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.SendMessageAsync("x", visibilityTimeout: TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.UpdateMessageAsync("id", "receipt", "x", TimeSpan.FromSeconds(-1)));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(1, TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(33)]
    public async Task Batch_sizes_outside_1_to_32_are_refused(int size)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.ReceiveMessagesAsync(size));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _queue.PeekMessagesAsync(size));
    }

    [Fact]
    public async Task Delay_not_shorter_than_the_time_to_live_is_refused()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _queue.SendMessageAsync("x", TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2)));

        Assert.Equal("visibilityTimeout", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public async Task Time_to_live_that_is_neither_positive_nor_infinite_is_refused(int seconds)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _queue.SendMessageAsync("x", timeToLive: TimeSpan.FromSeconds(seconds)));

        Assert.Equal("timeToLive", error.ParamName);
    }

    [Fact]
    public async Task Text_with_characters_xml_cannot_carry_is_refused_unless_sent_as_base64()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _queue.SendMessageAsync("bell\u0007"));

        Assert.Contains("U+0007", error.Message, StringComparison.Ordinal);
        Assert.Contains("Base64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binary_body_that_is_not_utf8_is_refused_without_base64()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _queue.SendMessageAsync(new BinaryData(new byte[] { 0xFF, 0xFE })));

        Assert.Equal("message", error.ParamName);
    }

    [Fact]
    public void Delays_round_up_to_whole_seconds_and_seven_days_is_allowed()
    {
        Assert.Equal(2, QueueTimeouts.VisibilitySeconds(TimeSpan.FromMilliseconds(1200), allowZero: true, "t"));
        Assert.Equal(1, QueueTimeouts.VisibilitySeconds(TimeSpan.FromMilliseconds(1), allowZero: false, "t"));
        Assert.Equal(604_800, QueueTimeouts.VisibilitySeconds(TimeSpan.FromDays(7), allowZero: true, "t"));
        Assert.Throws<ArgumentOutOfRangeException>(() => QueueTimeouts.VisibilitySeconds(TimeSpan.FromDays(7) + TimeSpan.FromTicks(1), allowZero: true, "t"));
    }

    [Fact]
    public void Infinite_time_to_live_travels_as_minus_one()
    {
        Assert.Equal(-1, QueueTimeouts.TimeToLiveSeconds(Timeout.InfiniteTimeSpan, "t"));
        Assert.Equal(-1, QueueTimeouts.TimeToLiveSeconds(TimeSpan.FromSeconds(-1), "t"));
        Assert.Equal(30, QueueTimeouts.TimeToLiveSeconds(TimeSpan.FromSeconds(30), "t"));
    }

    [Fact]
    public void Infinite_time_to_live_allows_any_delay_up_to_seven_days()
    {
        var (visibility, ttl) = QueueTimeouts.ForSend(TimeSpan.FromDays(7), Timeout.InfiniteTimeSpan);

        Assert.Equal(604_800, visibility);
        Assert.Equal(-1, ttl);
    }
}
