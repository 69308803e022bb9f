using System.Globalization;
using Azure;
using Azure.Core;
using Serverless.Storage.Queues.Models;

namespace Serverless.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>Sends a text message that is visible at once and lives the service's default 7 days.</summary>
    /// <exception cref="RequestFailedException">The service refused, e.g. 404 <c>QueueNotFound</c> or 413 for a body over 64 KiB.</exception>
    public Task<Response<SendReceipt>> SendMessageAsync(string messageText, CancellationToken cancellationToken) =>
        SendMessageAsync(messageText, null, null, cancellationToken);

    /// <summary>Sends a text message, optionally hidden for a while and with its own lifetime.</summary>
    /// <param name="messageText">The text; XML-escaped on the wire (or Base64-encoded, per <see cref="QueueClientOptions.MessageEncoding"/>).</param>
    /// <param name="visibilityTimeout">How long the message stays hidden after sending; 0 to 7 days, null for visible at once.</param>
    /// <param name="timeToLive">How long the message lives; null for the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> or -1 s for never.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentOutOfRangeException">A delay over 7 days (chain shorter ones instead), or a delay not shorter than the lifetime.</exception>
    /// <exception cref="ArgumentException">With <see cref="QueueMessageEncoding.None"/>, text with characters XML cannot carry.</exception>
    /// <exception cref="RequestFailedException">The service refused, e.g. 404 <c>QueueNotFound</c> or 413 for a body over 64 KiB.</exception>
    public Task<Response<SendReceipt>> SendMessageAsync(
        string messageText,
        TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageText);
        var (visibility, ttl) = QueueTimeouts.ForSend(visibilityTimeout, timeToLive);
        return SendCoreAsync(QueueMessageWriter.Write(messageText, _encoding, nameof(messageText)), visibility, ttl, cancellationToken);
    }

    /// <summary>Sends a message body, optionally hidden for a while and with its own lifetime.</summary>
    /// <param name="message">The body; with <see cref="QueueMessageEncoding.None"/> it must be UTF-8 text.</param>
    /// <param name="visibilityTimeout">How long the message stays hidden after sending; 0 to 7 days, null for visible at once.</param>
    /// <param name="timeToLive">How long the message lives; null for the service's 7 days, <see cref="Timeout.InfiniteTimeSpan"/> or -1 s for never.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentOutOfRangeException">A delay over 7 days (chain shorter ones instead), or a delay not shorter than the lifetime.</exception>
    /// <exception cref="ArgumentException">With <see cref="QueueMessageEncoding.None"/>, a body that is not XML-safe UTF-8 text.</exception>
    /// <exception cref="RequestFailedException">The service refused, e.g. 404 <c>QueueNotFound</c> or 413 for a body over 64 KiB.</exception>
    public Task<Response<SendReceipt>> SendMessageAsync(
        BinaryData message,
        TimeSpan? visibilityTimeout = null,
        TimeSpan? timeToLive = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (visibility, ttl) = QueueTimeouts.ForSend(visibilityTimeout, timeToLive);
        return SendCoreAsync(QueueMessageWriter.Write(message, _encoding, nameof(message)), visibility, ttl, cancellationToken);
    }

    private async Task<Response<SendReceipt>> SendCoreAsync(byte[] body, long? visibility, long? ttl, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Post, _messagesUri);
        var request = message.Request;
        if (visibility is { } v)
        {
            request.Uri.AppendQuery("visibilitytimeout", v.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (ttl is { } t)
        {
            request.Uri.AppendQuery("messagettl", t.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
        request.Content = RequestContent.Create(body);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(QueueMessageListReader.ReadSendReceipt(response.Content), response);
    }
}
