using System.Globalization;
using Azure;
using Azure.Core;
using Serverless.Storage.Queues.Models;

namespace Serverless.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>Changes a received message's visibility and, unless <paramref name="messageText"/> is null, its text.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt from the latest receive or update of this message.</param>
    /// <param name="messageText">The new text, or null to keep the current body.</param>
    /// <param name="visibilityTimeout">How long from now the message stays hidden: 0 (visible at once) to 7 days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new pop receipt (the old one stops working) and when the message next shows.</returns>
    /// <remarks>Extending the timeout is how a slow consumer keeps a message it is still working on.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visibilityTimeout"/> is negative or over 7 days.</exception>
    /// <exception cref="RequestFailedException">
    /// 400 <c>PopReceiptMismatch</c> when someone else has since received or updated the message; 404 <c>MessageNotFound</c> when it is gone.
    /// </exception>
    public Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId,
        string popReceipt,
        string? messageText = null,
        TimeSpan visibilityTimeout = default,
        CancellationToken cancellationToken = default)
    {
        var seconds = ValidateUpdate(messageId, popReceipt, visibilityTimeout);
        var body = messageText is null ? null : QueueMessageWriter.Write(messageText, _encoding, nameof(messageText));
        return UpdateCoreAsync(messageId, popReceipt, body, seconds, cancellationToken);
    }

    /// <summary>Changes a received message's visibility and, unless <paramref name="message"/> is null, its body.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt from the latest receive or update of this message.</param>
    /// <param name="message">The new body, or null to keep the current one.</param>
    /// <param name="visibilityTimeout">How long from now the message stays hidden: 0 (visible at once) to 7 days.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The new pop receipt (the old one stops working) and when the message next shows.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visibilityTimeout"/> is negative or over 7 days.</exception>
    /// <exception cref="RequestFailedException">
    /// 400 <c>PopReceiptMismatch</c> when someone else has since received or updated the message; 404 <c>MessageNotFound</c> when it is gone.
    /// </exception>
    public Task<Response<UpdateReceipt>> UpdateMessageAsync(
        string messageId,
        string popReceipt,
        BinaryData? message,
        TimeSpan visibilityTimeout = default,
        CancellationToken cancellationToken = default)
    {
        var seconds = ValidateUpdate(messageId, popReceipt, visibilityTimeout);
        var body = message is null ? null : QueueMessageWriter.Write(message, _encoding, nameof(message));
        return UpdateCoreAsync(messageId, popReceipt, body, seconds, cancellationToken);
    }

    private static long ValidateUpdate(string messageId, string popReceipt, TimeSpan visibilityTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        return QueueTimeouts.VisibilitySeconds(visibilityTimeout, allowZero: true, nameof(visibilityTimeout));
    }

    private async Task<Response<UpdateReceipt>> UpdateCoreAsync(
        string messageId, string popReceipt, byte[]? body, long visibilitySeconds, CancellationToken cancellationToken)
    {
        using var message = CreateMessageRequest(RequestMethod.Put, messageId, popReceipt);
        var request = message.Request;
        request.Uri.AppendQuery("visibilitytimeout", visibilitySeconds.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        if (body is not null)
        {
            request.Headers.SetValue("Content-Type", "application/xml; charset=utf-8");
            request.Content = RequestContent.Create(body);
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.Headers.TryGetValue("x-ms-popreceipt", out var newReceipt)
            || !response.Headers.TryGetValue("x-ms-time-next-visible", out var nextVisible))
        {
            throw new InvalidOperationException("The queue service answered an update without a pop receipt or next-visible time.");
        }

        return Response.FromValue(new UpdateReceipt(newReceipt, HttpDates.Parse(nextVisible)), response);
    }

    /// <summary>A request addressed to one message with its pop receipt.</summary>
    private HttpMessage CreateMessageRequest(RequestMethod method, string messageId, string popReceipt)
    {
        var message = _pipeline.CreateMessage(method, _messagesUri);
        message.Request.Uri.AppendPath("/", escape: false);
        message.Request.Uri.AppendPath(messageId, escape: true);
        message.Request.Uri.AppendQuery("popreceipt", popReceipt, escapeValue: true);
        return message;
    }
}
