using Serverless.Storage.Queues;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Queues;

[Collection(AzuriteCollection.Name)]
public sealed class QueueMessageRoundTripTests(AzuriteFixture fixture) : QueueTestBase(fixture)
{
    // Markup the body must not break, a CDATA terminator, both line ends, and text beyond ASCII and the BMP.
    private const string AwkwardText = "<case id=\"7\">a & b < c > d ]]> 'q'</case>\r\n\tपासपोर्ट ünïcødé — 🚀 ";

    [Fact]
    public async Task Text_with_xml_special_and_non_ascii_characters_survives_send_receive_and_delete()
    {
        var sent = (await Queue.SendMessageAsync(AwkwardText)).Value;

        var received = (await Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value;

        Assert.NotNull(received);
        Assert.Equal(sent.MessageId, received.MessageId);
        Assert.Equal(AwkwardText, received.MessageText);
        Assert.Equal(AwkwardText, received.Body.ToString());
        Assert.Equal(1, received.DequeueCount);
        await Queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        Assert.Empty((await Queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(0, (await Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task Send_receipt_describes_the_message_that_is_then_received()
    {
        var receipt = (await Queue.SendMessageAsync("receipt")).Value;

        var received = (await Queue.ReceiveMessageAsync()).Value!;

        Assert.False(string.IsNullOrEmpty(receipt.PopReceipt));
        Assert.Equal(receipt.MessageId, received.MessageId);
        Assert.Equal(receipt.InsertionTime, received.InsertedOn);
        Assert.Equal(receipt.ExpirationTime, received.ExpiresOn);
        Assert.True(receipt.ExpirationTime - receipt.InsertionTime == TimeSpan.FromDays(7), "The default lifetime is 7 days.");
        Assert.True(received.NextVisibleOn > received.InsertedOn);
    }

    [Fact]
    public async Task Overloads_taking_just_a_cancellation_token_send_and_receive_with_service_defaults()
    {
        using var cts = new CancellationTokenSource(Poll.Deadline);

        await Queue.SendMessageAsync("positional", cts.Token);
        await Queue.SendMessageAsync("named", cancellationToken: cts.Token);
        var first = (await Queue.ReceiveMessagesAsync(cts.Token)).Value;
        var second = (await Queue.ReceiveMessagesAsync(cancellationToken: cts.Token)).Value;

        Assert.Single(first);
        Assert.Single(second);
        Assert.Equal(["named", "positional"], first.Concat(second).Select(m => m.MessageText).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Empty_and_whitespace_only_texts_round_trip_unchanged()
    {
        await Queue.SendMessageAsync(string.Empty);
        await Queue.SendMessageAsync("  \t ");

        var texts = (await Queue.ReceiveMessagesAsync(32)).Value.Select(m => m.MessageText).Order(StringComparer.Ordinal);

        Assert.Equal([string.Empty, "  \t "], texts);
    }

    [Fact]
    public async Task Binary_body_round_trips_byte_for_byte_with_base64_encoding()
    {
        var base64 = Client(QueueMessageEncoding.Base64);
        byte[] bytes = [0x00, 0xFF, 0xFE, 0x3C, 0x26, 0x0D, 0x0A, 0x80, 0x7F, 0x01];

        await base64.SendMessageAsync(new BinaryData(bytes));
        var received = (await base64.ReceiveMessageAsync()).Value!;

        Assert.Equal(bytes, received.Body.ToArray());
        await base64.DeleteMessageAsync(received.MessageId, received.PopReceipt);
    }

    [Fact]
    public async Task Base64_client_puts_base64_text_on_the_wire()
    {
        await Client(QueueMessageEncoding.Base64).SendMessageAsync("zürich & <delhi>");

        var raw = (await Queue.PeekMessageAsync()).Value!;

        Assert.Equal(Convert.ToBase64String("zürich & <delhi>"u8), raw.MessageText);
    }

    [Fact]
    public async Task Base64_client_reads_text_sent_by_a_base64_client_as_text()
    {
        var base64 = Client(QueueMessageEncoding.Base64);
        await base64.SendMessageAsync(AwkwardText);

        var peeked = (await base64.PeekMessageAsync()).Value!;

        Assert.Equal(AwkwardText, peeked.MessageText);
    }

    [Fact]
    public async Task Control_characters_that_xml_cannot_carry_round_trip_with_base64_encoding()
    {
        var base64 = Client(QueueMessageEncoding.Base64);
        const string text = "nul\u0000 bell\u0007 esc\u001B";

        await base64.SendMessageAsync(text);

        Assert.Equal(text, (await base64.ReceiveMessageAsync()).Value!.MessageText);
    }

    [Fact]
    public async Task Base64_client_can_still_delete_a_plain_text_message_it_cannot_decode()
    {
        var base64 = Client(QueueMessageEncoding.Base64);
        await Queue.SendMessageAsync("not base64 at all!");

        var received = (await base64.ReceiveMessageAsync()).Value!;

        var error = Assert.Throws<InvalidOperationException>(() => received.Body);
        Assert.Contains(received.MessageId, error.Message, StringComparison.Ordinal);
        await base64.DeleteMessageAsync(received.MessageId, received.PopReceipt);
        Assert.Null((await Queue.PeekMessageAsync()).Value);
    }

    [Fact]
    public async Task Message_of_the_maximum_size_is_accepted_and_one_byte_more_is_refused()
    {
        var largest = new string('x', Queue.MessageMaxBytes);
        await Queue.SendMessageAsync(largest);

        var error = await Assert.ThrowsAsync<Azure.RequestFailedException>(() => Queue.SendMessageAsync(largest + "x"));

        Assert.Equal(largest, (await Queue.ReceiveMessageAsync()).Value!.MessageText);
        Assert.Equal(413, error.Status);
    }
}
