using Azure;
using Serverless.Storage.Core;

namespace Serverless.Storage.Tables;

/// <summary>
/// An entity-group transaction was rejected, so none of its actions were applied. <see cref="RequestFailedException.Status"/>
/// and <see cref="RequestFailedException.ErrorCode"/> are those of the action that failed.
/// </summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    internal TableTransactionFailedException(Response failedAction, int? failedActionIndex)
        : base(failedAction, null, StorageErrorParser.Instance) => FailedTransactionActionIndex = failedActionIndex;

    /// <summary>The zero-based index of the action that failed, or <see langword="null"/> if the service did not say.</summary>
    public int? FailedTransactionActionIndex { get; }
}
