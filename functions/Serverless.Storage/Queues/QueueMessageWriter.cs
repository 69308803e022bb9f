using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Xml;

namespace Serverless.Storage.Queues;

/// <summary>Writes the <c>&lt;QueueMessage&gt;&lt;MessageText&gt;</c> request body straight to UTF-8 bytes.</summary>
/// <remarks>
/// Hand-written rather than through <see cref="XmlWriter"/>: sending is on the engine's hot path, and this costs one
/// array (plus a pooled buffer when escaping is needed) where an XmlWriter costs its own buffers per call.
/// </remarks>
internal static class QueueMessageWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Open => "<QueueMessage><MessageText>"u8;

    private static ReadOnlySpan<byte> Close => "</MessageText></QueueMessage>"u8;

    public static byte[] Write(string text, QueueMessageEncoding encoding, string paramName) =>
        encoding == QueueMessageEncoding.Base64 ? WriteTextAsBase64(text, paramName) : WriteEscaped(text, paramName);

    public static byte[] Write(BinaryData data, QueueMessageEncoding encoding, string paramName)
    {
        if (encoding == QueueMessageEncoding.Base64)
        {
            return WriteBase64(data.ToMemory().Span);
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(data.ToMemory().Span);
        }
        catch (DecoderFallbackException ex)
        {
            throw new ArgumentException(
                "The message is not UTF-8 text, which MessageEncoding = None requires; use QueueMessageEncoding.Base64 for binary bodies.",
                paramName, ex);
        }

        return WriteEscaped(text, paramName);
    }

    private static byte[] WriteEscaped(string text, string paramName)
    {
        var extra = MeasureEscapes(text, paramName);
        if (extra == 0)
        {
            return Frame(text);
        }

        var buffer = ArrayPool<char>.Shared.Rent(text.Length + extra);
        try
        {
            return Frame(buffer.AsSpan(0, Escape(text, buffer)));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>Counts the extra characters escaping adds, and rejects characters XML 1.0 cannot carry at all.</summary>
    private static int MeasureEscapes(string text, string paramName)
    {
        var extra = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&' or '\r':
                    extra += 4; // &amp; and &#xD;
                    break;
                case '<' or '>':
                    extra += 3;
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        i++;
                    }
                    else if (!XmlConvert.IsXmlChar(c))
                    {
                        throw new ArgumentException(
                            $"The message text has a character XML cannot carry (U+{(int)c:X4} at index {i}); " +
                            "send such bodies with QueueMessageEncoding.Base64.", paramName);
                    }

                    break;
            }
        }

        return extra;
    }

    private static int Escape(string text, Span<char> destination)
    {
        var n = 0;
        foreach (var c in text)
        {
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                // A raw CR would reach the reader as LF (XML end-of-line handling); the reference keeps it.
                '\r' => "&#xD;",
                _ => null,
            };
            if (replacement is null)
            {
                destination[n++] = c;
            }
            else
            {
                replacement.CopyTo(destination[n..]);
                n += replacement.Length;
            }
        }

        return n;
    }

    private static byte[] Frame(ReadOnlySpan<char> escaped)
    {
        var count = Encoding.UTF8.GetByteCount(escaped);
        var body = new byte[Open.Length + count + Close.Length];
        Open.CopyTo(body);
        Encoding.UTF8.GetBytes(escaped, body.AsSpan(Open.Length));
        Close.CopyTo(body.AsSpan(Open.Length + count));
        return body;
    }

    private static byte[] WriteTextAsBase64(string text, string paramName)
    {
        byte[]? rented = null;
        try
        {
            var count = StrictUtf8.GetByteCount(text);
            rented = ArrayPool<byte>.Shared.Rent(count);
            var written = StrictUtf8.GetBytes(text, rented);
            return WriteBase64(rented.AsSpan(0, written));
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("The message text has an unpaired surrogate, so it is not valid Unicode.", paramName, ex);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static byte[] WriteBase64(ReadOnlySpan<byte> data)
    {
        var body = new byte[Open.Length + Base64.GetMaxEncodedToUtf8Length(data.Length) + Close.Length];
        Open.CopyTo(body);
        Base64.EncodeToUtf8(data, body.AsSpan(Open.Length), out _, out var written);
        Close.CopyTo(body.AsSpan(Open.Length + written));
        return body;
    }
}
