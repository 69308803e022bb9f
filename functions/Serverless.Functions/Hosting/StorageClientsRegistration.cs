using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Functions.Local;
using Serverless.Storage.Queues;

namespace Serverless.Functions.Hosting;

/// <summary>Registers storage clients for the <c>AzureWebJobsStorage</c> account, for the host and for the app's functions.</summary>
internal static class StorageClientsRegistration
{
    public static void AddStorageClients(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new QueueServiceClient(StorageConnection.Get(sp.GetRequiredService<IConfiguration>())));
    }
}
