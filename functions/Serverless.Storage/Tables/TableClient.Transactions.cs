using Azure;
using Azure.Core;
using Serverless.Storage.Tables.Http;
using Serverless.Storage.Tables.Transactions;

namespace Serverless.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>
    /// Applies up to 100 actions on one partition as an entity-group transaction: all of them, or none.
    /// </summary>
    /// <param name="transactionActions">The actions, in order; all with the same partition key, each row at most once.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One response per action, in order, each with the entity's new <c>ETag</c> header (none for deletes).</returns>
    /// <exception cref="ArgumentException">No actions, more than 100, more than one partition, or a row twice.</exception>
    /// <exception cref="TableTransactionFailedException">An action failed, so none was applied; it carries the action's index, status and error code.</exception>
    /// <remarks>
    /// Atomicity is the service's. Azure guarantees it; the pinned Azurite (3.37) rolls a failed batch back (inserts,
    /// updates and deletes, ETags included) and, in the tests of this client, concurrent batches neither disturbed one
    /// another nor showed half-applied state to a concurrent reader.
    /// The pipeline may retry a batch whose response was lost, so an <see cref="TableTransactionActionType.Add"/> that in
    /// fact succeeded can then fail with 409; design commits to be idempotent or to check on conflict.
    /// </remarks>
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions.ToList();
        TransactionRules.Validate(actions);

        var batchBoundary = $"batch_{Guid.NewGuid():D}";
        var changesetBoundary = $"changeset_{Guid.NewGuid():D}";
        using var message = TableRequests.Create(_pipeline, RequestMethod.Post, TableUris.Batch(_endpoint));
        message.Request.Headers.SetValue("Content-Type", $"multipart/mixed; boundary={batchBoundary}");
        message.Request.Content = RequestContent.Create(BatchRequestBody.Write(actions, _endpoint, Name, batchBoundary, changesetBoundary));
        var response = await _pipeline.SendAsync(message, cancellationToken);

        var items = BatchResponseReader.Read(response.Headers.ContentType, response.Content.ToString(), response.ClientRequestId);
        var failed = items.Find(item => item.Status >= 400);
        if (failed is not null)
        {
            throw new TableTransactionFailedException(failed, BatchResponseReader.FailedIndex(failed));
        }

        if (items.Count != actions.Count)
        {
            throw new InvalidOperationException($"The transaction answered {items.Count} responses to {actions.Count} actions.");
        }

        return Response.FromValue<IReadOnlyList<Response>>(items, response);
    }
}
