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

    public static QueueMessage[] ReadReceived(BinaryData content, QueueMessageEncoding encoding, int capacity) =>
        Read(content, capacity, m => new QueueMessage(
            Required(m.MessageId, "MessageId"),
            Required(m.PopReceipt, "PopReceipt"),
            new MessageBody(m.MessageText ?? string.Empty, encoding, m.MessageId!),
            m.DequeueCount,
            m.TimeNextVisible,
            m.InsertionTime,
            m.ExpirationTime));

    public static PeekedMessage[] ReadPeeked(BinaryData content, QueueMessageEncoding encoding, int capacity) =>
        Read(content, capacity, m => new PeekedMessage(
            Required(m.MessageId, "MessageId"),
            new MessageBody(m.MessageText ?? string.Empty, encoding, m.MessageId!),
            m.DequeueCount,
            m.InsertionTime,
            m.ExpirationTime));

    public static SendReceipt ReadSendReceipt(BinaryData content)
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

    /// <summary>
    /// Whether a body can hold a message element: some "QueueMessage" not followed by 's' (as in "QueueMessagesList").
    /// </summary>
    /// <remarks>
    /// Polling an empty queue is the engine's commonest call; answering it without building an XmlReader saves about
    /// a fifth of what that call allocates. The test errs towards parsing: any element named QueueMessage, prefixed or
    /// not, passes it.
    /// </remarks>
    internal static bool MayHoldMessages(ReadOnlySpan<byte> xml)
    {
        var name = "QueueMessage"u8;
        for (var at = xml.IndexOf(name); at >= 0; at = xml.IndexOf(name))
        {
            xml = xml[(at + name.Length)..];
            if (xml.IsEmpty || xml[0] != (byte)'s')
            {
                return true;
            }
        }

        return false;
    }

    private static T[] Read<T>(BinaryData content, int capacity, Func<WireMessage, T> map)
    {
        if (!MayHoldMessages(content.ToMemory().Span))
        {
            return [];
        }

        using var reader = XmlReader.Create(content.ToStream(), Settings);
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
