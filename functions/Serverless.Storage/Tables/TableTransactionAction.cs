using Azure;

namespace Serverless.Storage.Tables;

/// <summary>One action of an entity-group transaction.</summary>
/// <param name="actionType">What to do.</param>
/// <param name="entity">The entity written, or whose keys are deleted.</param>
/// <param name="etag">For updates and deletes, the version that must still be stored; <see langword="default"/> means any version.</param>
public sealed class TableTransactionAction(TableTransactionActionType actionType, ITableEntity entity, ETag etag = default)
{
    /// <summary>What to do.</summary>
    public TableTransactionActionType ActionType { get; } = actionType;

    /// <summary>The entity written, or whose keys are deleted.</summary>
    public ITableEntity Entity { get; } = entity ?? throw new ArgumentNullException(nameof(entity));

    /// <summary>The version condition of an update or delete; <see langword="default"/> for none.</summary>
    public ETag ETag { get; } = etag;
}
