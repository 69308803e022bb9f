namespace Serverless.Storage.Tables.Transactions;

/// <summary>The limits of an entity-group transaction, checked before sending so Azure and Azurite fail the same way.</summary>
internal static class TransactionRules
{
    public const int MaxActions = 100;

    /// <exception cref="ArgumentException">No actions, more than 100, more than one partition, or one entity twice.</exception>
    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count is 0 or > MaxActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxActions} actions, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            if (entity.PartitionKey is null || entity.RowKey is null)
            {
                throw new ArgumentException("Every entity in a transaction needs a PartitionKey and a RowKey.", nameof(actions));
            }

            if (!string.Equals(entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"A transaction covers one partition; found '{partition}' and '{entity.PartitionKey}'.", nameof(actions));
            }

            if (!rows.Add(entity.RowKey))
            {
                throw new ArgumentException($"A transaction may touch row '{entity.RowKey}' only once.", nameof(actions));
            }
        }
    }
}
