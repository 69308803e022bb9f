using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Functions.Local;
using Serverless.Storage.Blobs;
using Serverless.Storage.Queues;
using Serverless.Storage.Tables;

namespace Serverless.Functions.Hosting;

/// <summary>Registers blob, queue and table service clients for the <c>AzureWebJobsStorage</c> account, for the host and for the app's functions.</summary>
internal static class StorageClientsRegistration
{
    public static void AddStorageClients(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new QueueServiceClient(StorageConnection.Get(sp.GetRequiredService<IConfiguration>())));
        services.TryAddSingleton(sp => new TableServiceClient(StorageConnection.Get(sp.GetRequiredService<IConfiguration>())));
        services.TryAddSingleton(sp => new BlobServiceClient(StorageConnection.Get(sp.GetRequiredService<IConfiguration>())));
    }
}
