using Azure;
using Serverless.Storage.Blobs;

namespace Serverless.Durable.AzureStorage;

/// <summary>Large payloads in the payload container, under <c>{instance key}/</c> so purging an instance finds them by prefix.</summary>
/// <remarks>
/// Every blob name is unique to the write that made it (a commit id or a fresh message id): a stale writer can never
/// overwrite a blob a committed row or a queued message refers to.
/// </remarks>
internal sealed class PayloadStore(BlobContainerClient container)
{
    /// <summary>A new blob name for an instance's payload.</summary>
    public static string NewName(string instanceId, string kind) => $"{TaskHubLayout.Key(instanceId)}/{kind}-{Guid.NewGuid():N}";

    public async Task UploadAsync(string name, string text, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(text), overwrite: true, cancellationToken);

    public async Task<string> DownloadAsync(string name, CancellationToken cancellationToken)
    {
        Response<BlobDownloadResult> result = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken: cancellationToken);
        return result.Value.Content.ToString();
    }

    /// <summary>Deletes a blob; one already gone is fine.</summary>
    public async Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        await container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>Deletes every payload of an instance.</summary>
    /// <returns>How many blobs were deleted.</returns>
    public async Task<int> DeleteInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (BlobItem item in container.GetBlobsAsync(prefix: TaskHubLayout.Key(instanceId) + "/", cancellationToken: cancellationToken))
        {
            names.Add(item.Name);
        }

        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (name, ct) => await this.DeleteAsync(name, ct));
        return names.Count;
    }
}
