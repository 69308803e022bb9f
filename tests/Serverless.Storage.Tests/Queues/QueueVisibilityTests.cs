using Azure;
using Serverless.Storage.Queues;
using Serverless.Storage.Queues.Models;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Queues;

/// <remarks>
/// Timing assertions are only "not visible yet" right after a multi-second delay starts, and "visible eventually"
/// (polled up to a generous deadline), so a slow shared machine cannot make them flaky.
/// </remarks>
[Collection(AzuriteCollection.Name)]
public sealed class QueueVisibilityTests(AzuriteFixture fixture) : QueueTestBase(fixture)
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Visibility_delay_hides_a_message_until_it_passes()
    {
        var receipt = (await Queue.SendMessageAsync("later", visibilityTimeout: TimeSpan.FromSeconds(5))).Value;

        Assert.Null((await Queue.PeekMessageAsync()).Value);
        Assert.Null((await Queue.ReceiveMessageAsync()).Value);
        Assert.Equal(1, (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.True(receipt.TimeNextVisible > receipt.InsertionTime);

        var shown = await Poll.UntilAsync(async () => (await Queue.ReceiveMessageAsync(Hold)).Value, "the delayed message shows");
        Assert.Equal(receipt.MessageId, shown.MessageId);
        Assert.Equal("later", shown.MessageText);
    }

    [Fact]
    public async Task Message_not_deleted_within_its_visibility_timeout_is_delivered_again_with_a_new_pop_receipt()
    {
        await Queue.SendMessageAsync("work");

        var first = (await Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value!;
        var second = await Poll.UntilAsync(async () => (await Queue.ReceiveMessageAsync(Hold)).Value, "the message is redelivered");

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(1, first.DequeueCount);
        Assert.Equal(2, second.DequeueCount);
        Assert.NotEqual(first.PopReceipt, second.PopReceipt);
        Assert.Equal("work", second.MessageText);
    }

    [Fact]
    public async Task Update_with_the_pop_receipt_changes_content_and_visibility()
    {
        await Queue.SendMessageAsync("draft");
        var received = (await Queue.ReceiveMessageAsync(Hold)).Value!;

        var shown = (await Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, "final", TimeSpan.Zero)).Value;
        var again = (await Queue.ReceiveMessageAsync(Hold)).Value!;
        var hidden = (await Queue.UpdateMessageAsync(again.MessageId, again.PopReceipt, visibilityTimeout: Hold)).Value;

        Assert.NotEqual(received.PopReceipt, shown.PopReceipt);
        Assert.Equal(received.MessageId, again.MessageId);
        Assert.Equal("final", again.MessageText);
        Assert.Equal(2, again.DequeueCount);
        Assert.True(hidden.NextVisibleOn > DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Null((await Queue.PeekMessageAsync()).Value);

        // Bring it back without a body: the text stays "final". Update() carries the receipt forward.
        var current = again.Update(hidden);
        await Queue.UpdateMessageAsync(current.MessageId, current.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        Assert.Equal("final", (await Queue.PeekMessageAsync()).Value!.MessageText);
    }

    [Fact]
    public async Task Update_with_a_binary_body_replaces_it_for_a_base64_client()
    {
        var base64 = Client(QueueMessageEncoding.Base64);
        await base64.SendMessageAsync(new BinaryData(new byte[] { 1, 2, 3 }));
        var received = (await base64.ReceiveMessageAsync(Hold)).Value!;

        await base64.UpdateMessageAsync(received.MessageId, received.PopReceipt, new BinaryData(new byte[] { 0xFF, 0 }), TimeSpan.Zero);

        Assert.Equal(new byte[] { 0xFF, 0 }, (await base64.PeekMessageAsync()).Value!.Body.ToArray());
    }

    [Fact]
    public async Task Delete_with_a_stale_pop_receipt_fails_with_pop_receipt_mismatch()
    {
        await Queue.SendMessageAsync("owned");
        var received = (await Queue.ReceiveMessageAsync(Hold)).Value!;
        var updated = (await Queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: Hold)).Value;

        var stale = await Assert.ThrowsAsync<RequestFailedException>(
            () => Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));

        Assert.Equal(400, stale.Status);
        Assert.Equal("PopReceiptMismatch", stale.ErrorCode);
        await Queue.DeleteMessageAsync(received.MessageId, updated.PopReceipt);
    }

    [Fact]
    public async Task Deleting_a_message_twice_fails_with_message_not_found()
    {
        await Queue.SendMessageAsync("once");
        var received = (await Queue.ReceiveMessageAsync(Hold)).Value!;
        await Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);

        var gone = await Assert.ThrowsAsync<RequestFailedException>(
            () => Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt));

        Assert.Equal(404, gone.Status);
        Assert.Equal("MessageNotFound", gone.ErrorCode);
    }

    [Fact]
    public async Task Peek_does_not_change_dequeue_count_or_visibility()
    {
        var sent = (await Queue.SendMessageAsync("look")).Value;

        PeekedMessage[] first = (await Queue.PeekMessagesAsync(32)).Value;
        PeekedMessage[] second = (await Queue.PeekMessagesAsync(32)).Value;
        var received = (await Queue.ReceiveMessageAsync(Hold)).Value;

        Assert.Equal(sent.MessageId, Assert.Single(first).MessageId);
        Assert.Equal(0, first[0].DequeueCount);
        Assert.Equal(0, Assert.Single(second).DequeueCount);
        Assert.Equal("look", second[0].MessageText);
        Assert.NotNull(received);
        Assert.Equal(1, received.DequeueCount);
    }
}
