using System.Globalization;
using System.Xml;
using Serverless.Storage.Queues.Models;

namespace Serverless.Storage.Queues;

/// <summary>Reads a <c>&lt;QueueMessagesList&gt;</c> response (send, receive, peek) in one forward pass.</summary>
internal static class QueueMessageListReader
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    public static QueueMessage[] ReadReceived(Stream content, QueueMessageEncoding encoding, int capacity) =>
        Read(content, capacity, m => new QueueMessage(
            Required(m.MessageId, "MessageId"),
            Required(m.PopReceipt, "PopReceipt"),
            new MessageBody(m.MessageText ?? string.Empty, encoding, m.MessageId!),
            m.DequeueCount,
            m.TimeNextVisible,
            m.InsertionTime,
            m.ExpirationTime));

    public static PeekedMessage[] ReadPeeked(Stream content, QueueMessageEncoding encoding, int capacity) =>
        Read(content, capacity, m => new PeekedMessage(
            Required(m.MessageId, "MessageId"),
            new MessageBody(m.MessageText ?? string.Empty, encoding, m.MessageId!),
            m.DequeueCount,
            m.InsertionTime,
            m.ExpirationTime));

    public static SendReceipt ReadSendReceipt(Stream content)
    {
        var receipts = Read(content, 1, m => new SendReceipt(
            Required(m.MessageId, "MessageId"),
            Required(m.PopReceipt, "PopReceipt"),
            Required(m.InsertionTime, "InsertionTime"),
            Required(m.ExpirationTime, "ExpirationTime"),
            Required(m.TimeNextVisible, "TimeNextVisible")));
        return receipts.Length == 1
            ? receipts[0]
            : throw new InvalidOperationException($"The queue service answered a send with {receipts.Length} messages instead of one.");
    }

    private static T[] Read<T>(Stream content, int capacity, Func<WireMessage, T> map)
    {
        using var reader = XmlReader.Create(content, Settings);
        if (reader.MoveToContent() != XmlNodeType.Element || reader.IsEmptyElement)
        {
            return [];
        }

        var items = new List<T>(capacity);
        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            if (reader.LocalName == "QueueMessage")
            {
                items.Add(map(ReadMessage(reader)));
            }
            else
            {
                reader.Skip();
            }
        }

        return [.. items];
    }

    private static WireMessage ReadMessage(XmlReader reader)
    {
        var message = default(WireMessage);
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return message;
        }

        reader.Read();
        while (reader.MoveToContent() == XmlNodeType.Element)
        {
            switch (reader.LocalName)
            {
                case "MessageId":
                    message.MessageId = reader.ReadElementContentAsString();
                    break;
                case "PopReceipt":
                    message.PopReceipt = reader.ReadElementContentAsString();
                    break;
                case "MessageText":
                    message.MessageText = reader.ReadElementContentAsString();
                    break;
                case "DequeueCount":
                    message.DequeueCount = long.Parse(reader.ReadElementContentAsString(), CultureInfo.InvariantCulture);
                    break;
                case "InsertionTime":
                    message.InsertionTime = HttpDates.Parse(reader.ReadElementContentAsString());
                    break;
                case "ExpirationTime":
                    message.ExpirationTime = HttpDates.Parse(reader.ReadElementContentAsString());
                    break;
                case "TimeNextVisible":
                    message.TimeNextVisible = HttpDates.Parse(reader.ReadElementContentAsString());
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        reader.ReadEndElement();
        return message;
    }

    private static TValue Required<TValue>(TValue? value, string element)
        where TValue : class =>
        value ?? throw new InvalidOperationException($"The queue service's message list has no {element}.");

    private static DateTimeOffset Required(DateTimeOffset? value, string element) =>
        value ?? throw new InvalidOperationException($"The queue service's message list has no {element}.");

    private struct WireMessage
    {
        public string? MessageId;
        public string? PopReceipt;
        public string? MessageText;
        public long DequeueCount;
        public DateTimeOffset? InsertionTime;
        public DateTimeOffset? ExpirationTime;
        public DateTimeOffset? TimeNextVisible;
    }
}
