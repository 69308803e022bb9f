using Azure;
using Azure.Core;

namespace Serverless.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>Deletes a received message, which is how a consumer says it is done with it.</summary>
    /// <param name="messageId">The message id.</param>
    /// <param name="popReceipt">The pop receipt from the latest receive or update of this message.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <remarks>
    /// When a response is lost and the pipeline retries, the retry can meet 404 <c>MessageNotFound</c> for a delete that
    /// succeeded; callers that treat that 404 as done are safe.
    /// </remarks>
    /// <exception cref="RequestFailedException">
    /// 400 <c>PopReceiptMismatch</c> when the message has since been received again or updated (this consumer no longer owns it);
    /// 404 <c>MessageNotFound</c> when it is already gone.
    /// </exception>
    public async Task<Response> DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        ArgumentException.ThrowIfNullOrEmpty(popReceipt);
        using var message = CreateMessageRequest(RequestMethod.Delete, messageId, popReceipt);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every message in the queue, visible or not.</summary>
    /// <exception cref="RequestFailedException">404 <c>QueueNotFound</c> when there is no such queue.</exception>
    public async Task<Response> ClearMessagesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, _messagesUri);
        return await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }
}
