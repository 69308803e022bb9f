using Serverless.Durable.AzureStorage;

namespace Serverless.Durable.Tests.AzureStorage;

public sealed class AzureStorageOrchestrationOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_poll_a_hot_partition_every_100_ms()
    {
        var options = new AzureStorageOrchestrationOptions();

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.HotQueuePollingInterval);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_hot_polling_interval_that_is_not_positive_is_refused(int milliseconds)
    {
        var options = new AzureStorageOrchestrationOptions { HotQueuePollingInterval = TimeSpan.FromMilliseconds(milliseconds) };

        Assert.Contains(options.Validate(), p => p.Contains(nameof(AzureStorageOrchestrationOptions.HotQueuePollingInterval), StringComparison.Ordinal));
    }
}
