using Serverless.Durable.AzureStorage;
using Serverless.Storage;
using Serverless.Storage.Queues;

namespace Serverless.Durable.Tests.AzureStorage;

public sealed class PendingTimersTests
{
    private static readonly QueueClient Queue = new(StorageConnectionString.ForEmulator(new Uri("http://127.0.0.1:1/devstoreaccount1"), new Uri("http://127.0.0.1:2/devstoreaccount1"), new Uri("http://127.0.0.1:3/devstoreaccount1")), "q");

    [Fact]
    public void Take_answers_an_instances_receipts_once()
    {
        var timers = new PendingTimers();
        timers.Track("a", Receipt("1"));
        timers.Track("a", Receipt("2"));
        timers.Track("b", Receipt("3"));

        Assert.Equal(["1", "2"], timers.Take("a").Select(r => r.MessageId));
        Assert.Empty(timers.Take("a"));
        Assert.Equal(1, timers.Count);
    }

    [Fact]
    public void A_received_timer_is_forgotten()
    {
        var timers = new PendingTimers();
        timers.Track("a", Receipt("1"));
        timers.Track("a", Receipt("2"));

        timers.Forget("a", "1");
        timers.Forget("unknown", "2");

        Assert.Equal(["2"], timers.Take("a").Select(r => r.MessageId));
        Assert.Equal(0, timers.Count);
    }

    [Fact]
    public void Past_its_capacity_new_receipts_are_not_tracked()
    {
        var timers = new PendingTimers();
        for (int i = 0; i < PendingTimers.Capacity; i++)
        {
            timers.Track("full", Receipt(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        timers.Track("late", Receipt("x"));

        Assert.Empty(timers.Take("late"));
        Assert.Equal(PendingTimers.Capacity, timers.Take("full").Count);
        timers.Track("late", Receipt("y"));
        Assert.Single(timers.Take("late"));
    }

    private static QueueReceipt Receipt(string messageId) => new(Queue, messageId, "pop-" + messageId);
}
