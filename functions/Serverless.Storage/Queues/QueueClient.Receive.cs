using System.Globalization;
using Azure;
using Azure.Core;
using Serverless.Storage.Queues.Models;

namespace Serverless.Storage.Queues;

public sealed partial class QueueClient
{
    /// <summary>Receives one message (if any) and hides it for the service's default 30 seconds.</summary>
    public Task<Response<QueueMessage[]>> ReceiveMessagesAsync(CancellationToken cancellationToken) =>
        ReceiveMessagesAsync(null, null, cancellationToken);

    /// <summary>Receives up to <paramref name="maxMessages"/> visible messages and hides them for <paramref name="visibilityTimeout"/>.</summary>
    /// <param name="maxMessages">1 to 32; null for one. The service may return fewer than are visible.</param>
    /// <param name="visibilityTimeout">How long the received messages stay hidden (1 s to 7 days); null for 30 s.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The messages, each with the pop receipt needed to delete or update it; empty when none is visible.</returns>
    /// <remarks>A message not deleted before its visibility timeout passes is delivered again with a higher <see cref="QueueMessage.DequeueCount"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> or <paramref name="visibilityTimeout"/> is out of range.</exception>
    /// <exception cref="RequestFailedException">The service refused, e.g. 404 <c>QueueNotFound</c>.</exception>
    public async Task<Response<QueueMessage[]>> ReceiveMessagesAsync(
        int? maxMessages = null,
        TimeSpan? visibilityTimeout = null,
        CancellationToken cancellationToken = default)
    {
        var count = QueueTimeouts.MessageCount(maxMessages, nameof(maxMessages));
        long? visibility = visibilityTimeout is { } timeout
            ? QueueTimeouts.VisibilitySeconds(timeout, allowZero: false, nameof(visibilityTimeout))
            : null;

        using var message = CreateListRequest(count, peekOnly: false);
        if (visibility is { } v)
        {
            message.Request.Uri.AppendQuery("visibilitytimeout", v.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = QueueMessageListReader.ReadReceived(response.Content, _encoding, count ?? 1);
        return Response.FromValue(messages, response);
    }

    /// <summary>Receives one message and hides it for <paramref name="visibilityTimeout"/>.</summary>
    /// <returns>The message, or a null value when none is visible.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="visibilityTimeout"/> is not between 1 s and 7 days.</exception>
    /// <exception cref="RequestFailedException">The service refused, e.g. 404 <c>QueueNotFound</c>.</exception>
    public async Task<Response<QueueMessage?>> ReceiveMessageAsync(TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        var response = await ReceiveMessagesAsync(1, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    /// <summary>Reads up to <paramref name="maxMessages"/> visible messages without hiding them or counting a dequeue.</summary>
    /// <param name="maxMessages">1 to 32; null for one.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxMessages"/> is not between 1 and 32.</exception>
    /// <exception cref="RequestFailedException">The service refused, e.g. 404 <c>QueueNotFound</c>.</exception>
    public async Task<Response<PeekedMessage[]>> PeekMessagesAsync(int? maxMessages = null, CancellationToken cancellationToken = default)
    {
        var count = QueueTimeouts.MessageCount(maxMessages, nameof(maxMessages));
        using var message = CreateListRequest(count, peekOnly: true);
        var response = await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var messages = QueueMessageListReader.ReadPeeked(response.Content, _encoding, count ?? 1);
        return Response.FromValue(messages, response);
    }

    /// <summary>Reads the first visible message without hiding it.</summary>
    /// <returns>The message, or a null value when none is visible.</returns>
    public async Task<Response<PeekedMessage?>> PeekMessageAsync(CancellationToken cancellationToken = default)
    {
        var response = await PeekMessagesAsync(1, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(response.Value.FirstOrDefault(), response.GetRawResponse());
    }

    private HttpMessage CreateListRequest(int? count, bool peekOnly)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, _messagesUri);
        if (peekOnly)
        {
            message.Request.Uri.AppendQuery("peekonly", "true", escapeValue: false);
        }

        if (count is { } n)
        {
            message.Request.Uri.AppendQuery("numofmessages", n.ToString(CultureInfo.InvariantCulture), escapeValue: false);
        }

        return message;
    }
}
