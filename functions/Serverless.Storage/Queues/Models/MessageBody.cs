namespace Serverless.Storage.Queues.Models;

/// <summary>A message's text as it travelled, decoded on first use.</summary>
/// <remarks>
/// Decoding lazily keeps receive cheap for callers that only need the text, and lets a caller that meets a body
/// it cannot decode still use the message's id and pop receipt to delete it, instead of the whole batch failing.
/// </remarks>
internal sealed class MessageBody(string wireText, QueueMessageEncoding encoding, string messageId)
{
    private BinaryData? _data;
    private string? _text;

    public BinaryData Data => _data ??= Decode();

    public string Text => _text ??= encoding == QueueMessageEncoding.None ? wireText : Data.ToString();

    private BinaryData Decode()
    {
        if (encoding == QueueMessageEncoding.None)
        {
            return BinaryData.FromString(wireText);
        }

        try
        {
            return new BinaryData(Convert.FromBase64String(wireText));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException(
                $"Message '{messageId}' is not Base64, so a client with MessageEncoding = Base64 cannot decode it; it was " +
                "probably sent with MessageEncoding = None. Read it with such a client, or delete it with its pop receipt.", ex);
        }
    }
}
