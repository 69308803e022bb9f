using System.Text;
using Serverless.Storage.Queues;

namespace Serverless.Storage.Tests.Queues;

public sealed class QueueMessageListReaderTests
{
    private const string OneMessage =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage>" +
        "<MessageId>9c2c2b4e-1d2f-4c1e-9f3a-1b2c3d4e5f60</MessageId>" +
        "<InsertionTime>Fri, 09 Oct 2009 21:04:30 GMT</InsertionTime>" +
        "<ExpirationTime>Fri, 16 Oct 2009 21:04:30 GMT</ExpirationTime>" +
        "<PopReceipt>AgAAAAMAAAAAAAAA0Gr/pFv+1wE=</PopReceipt>" +
        "<TimeNextVisible>Fri, 09 Oct 2009 21:05:00 GMT</TimeNextVisible>" +
        "<DequeueCount>3</DequeueCount>" +
        "<Unexpected><Nested/></Unexpected>" +
        "<MessageText>a &amp; b &lt;c&gt;&#xD;\n</MessageText>" +
        "</QueueMessage></QueueMessagesList>";

    [Theory]
    [InlineData("<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList />")]
    [InlineData("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<QueueMessagesList></QueueMessagesList>")]
    [InlineData("")]
    public void Empty_lists_read_as_no_messages(string xml)
    {
        Assert.Empty(QueueMessageListReader.ReadReceived(Utf8(xml), QueueMessageEncoding.None, 1));
    }

    [Fact]
    public void Received_message_fields_are_read_and_unknown_elements_skipped()
    {
        var message = Assert.Single(QueueMessageListReader.ReadReceived(Utf8(OneMessage), QueueMessageEncoding.None, 1));

        Assert.Equal("9c2c2b4e-1d2f-4c1e-9f3a-1b2c3d4e5f60", message.MessageId);
        Assert.Equal("AgAAAAMAAAAAAAAA0Gr/pFv+1wE=", message.PopReceipt);
        Assert.Equal(new DateTimeOffset(2009, 10, 9, 21, 4, 30, TimeSpan.Zero), message.InsertedOn);
        Assert.Equal(new DateTimeOffset(2009, 10, 16, 21, 4, 30, TimeSpan.Zero), message.ExpiresOn);
        Assert.Equal(new DateTimeOffset(2009, 10, 9, 21, 5, 0, TimeSpan.Zero), message.NextVisibleOn);
        Assert.Equal(3, message.DequeueCount);
        Assert.Equal("a & b <c>\r\n", message.MessageText);
    }

    [Fact]
    public void Send_receipt_is_read_from_the_single_message_in_the_list()
    {
        var receipt = QueueMessageListReader.ReadSendReceipt(Utf8(OneMessage));

        Assert.Equal("9c2c2b4e-1d2f-4c1e-9f3a-1b2c3d4e5f60", receipt.MessageId);
        Assert.Equal(new DateTimeOffset(2009, 10, 9, 21, 5, 0, TimeSpan.Zero), receipt.TimeNextVisible);
    }

    [Theory]
    [InlineData("<QueueMessagesList />", false)]
    [InlineData("<QueueMessagesList><QueueMessage>", true)]
    [InlineData("<QueueMessagesList><QueueMessage >", true)]
    [InlineData("<QueueMessagesList><QueueMessage/>", true)]
    [InlineData("<q:QueueMessagesList xmlns:q=\"urn:x\"><q:QueueMessage>", true)]
    [InlineData("<QueueMessagesList>QueueMessage", true)]
    public void Empty_list_shortcut_only_skips_bodies_without_a_message_element(string xml, bool mayHold)
    {
        Assert.Equal(mayHold, QueueMessageListReader.MayHoldMessages(Encoding.UTF8.GetBytes(xml)));
    }

    private static BinaryData Utf8(string xml) => new(Encoding.UTF8.GetBytes(xml));
}
