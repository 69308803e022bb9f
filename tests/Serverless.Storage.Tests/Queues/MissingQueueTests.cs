using Azure;
using Serverless.Storage.Queues;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Queues;

/// <summary>A queue that is never created, so every operation meets its absence.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MissingQueueTests(AzuriteFixture fixture)
{
    private readonly QueueClient _queue = new(fixture.ConnectionString, UniqueNames.Queue("missing"));

    public static TheoryData<string> Operations() =>
        ["send", "receive", "peek", "properties", "clear", "delete queue", "update message", "delete message"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_on_a_missing_queue_fails_with_404_queue_not_found(string operation)
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Run(operation));

        Assert.Equal(404, error.Status);
        Assert.Equal("QueueNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Exists_and_delete_if_exists_report_false_for_a_missing_queue()
    {
        Assert.False((await _queue.ExistsAsync()).Value);
        Assert.False((await _queue.DeleteIfExistsAsync()).Value);
    }

    private Task Run(string operation) => operation switch
    {
        "send" => _queue.SendMessageAsync("x"),
        "receive" => _queue.ReceiveMessagesAsync(),
        "peek" => _queue.PeekMessagesAsync(),
        "properties" => _queue.GetPropertiesAsync(),
        "clear" => _queue.ClearMessagesAsync(),
        "delete queue" => _queue.DeleteAsync(),
        "update message" => _queue.UpdateMessageAsync("00000000-0000-0000-0000-000000000000", "receipt", "x"),
        "delete message" => _queue.DeleteMessageAsync("00000000-0000-0000-0000-000000000000", "receipt"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, null),
    };
}
