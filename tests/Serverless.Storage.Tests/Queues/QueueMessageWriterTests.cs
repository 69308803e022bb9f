using System.Text;
using Serverless.Storage.Queues;

namespace Serverless.Storage.Tests.Queues;

public sealed class QueueMessageWriterTests
{
    private static string Body(string text, QueueMessageEncoding encoding = QueueMessageEncoding.None) =>
        Encoding.UTF8.GetString(QueueMessageWriter.Write(text, encoding, "text"));

    [Fact]
    public void Markup_characters_and_carriage_returns_are_escaped()
    {
        Assert.Equal(
            "<QueueMessage><MessageText>a &amp; b &lt;c&gt; ]]&gt;&#xD;\n\t\"'</MessageText></QueueMessage>",
            Body("a & b <c> ]]>\r\n\t\"'"));
    }

    [Fact]
    public void Text_needing_no_escapes_is_framed_as_utf8_unchanged()
    {
        Assert.Equal("<QueueMessage><MessageText>ünï 🚀 हिन्दी</MessageText></QueueMessage>", Body("ünï 🚀 हिन्दी"));
    }

    [Fact]
    public void Base64_encoding_writes_the_utf8_bytes_as_base64()
    {
        Assert.Equal($"<QueueMessage><MessageText>{Convert.ToBase64String("a<ü"u8)}</MessageText></QueueMessage>", Body("a<ü", QueueMessageEncoding.Base64));
    }

    [Fact]
    public void Characters_outside_xml_are_refused_as_plain_text()
    {
        // Built here, not in [InlineData]: test discovery serialises lone surrogates into U+FFFD.
        string[] texts = ["\u0000", "\uFFFE", "lone \uD800 surrogate", "trailing \uD800", "reversed \uDC00\uD800 pair"];

        Assert.All(texts, text => Assert.Throws<ArgumentException>(() => Body(text)));
    }

    [Fact]
    public void Control_characters_are_fine_once_base64_encoded()
    {
        Assert.Contains(Convert.ToBase64String("\u0000\u0007"u8), Body("\u0000\u0007", QueueMessageEncoding.Base64), StringComparison.Ordinal);
    }

    [Fact]
    public void Unpaired_surrogate_is_refused_even_as_base64()
    {
        Assert.Throws<ArgumentException>(() => Body("\uD800", QueueMessageEncoding.Base64));
    }
}
