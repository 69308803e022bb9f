using Serverless.Storage.Tables;

namespace Serverless.Functions.Storage;

/// <summary>Creates a table on first use, once; a failed attempt (storage not up yet) is retried by the next caller instead of being remembered.</summary>
internal sealed class TableCreation(TableClient table)
{
    private Task? _created;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        var created = Volatile.Read(ref _created);
        if (created is null || created.IsFaulted || created.IsCanceled)
        {
            created = table.CreateIfNotExistsAsync(CancellationToken.None);
            Volatile.Write(ref _created, created);
        }

        return created.WaitAsync(cancellationToken);
    }
}
