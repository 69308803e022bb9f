using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Serverless.Durable.AzureStorage;
using Serverless.Durable.Backend;

namespace Serverless.Durable;

/// <summary>Chooses the Azure Storage backend on a <see cref="DurableTaskBuilder"/>.</summary>
public static class AzureStorageDurableTaskBuilderExtensions
{
    /// <summary>Uses the Azure Storage backend for one task hub. Its clock and loggers are the registered <see cref="TimeProvider"/> and logger factory.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">A storage connection string (<c>UseDevelopmentStorage=true</c> for the local Azurite).</param>
    /// <param name="hubName">The task hub: 3 to 45 letters and digits, starting with a letter.</param>
    /// <param name="options">Partitions, lock timeouts, polling and payload thresholds; defaults when null.</param>
    /// <returns>The builder.</returns>
    /// <remarks>The backend is a singleton; disposing the service provider stops it and releases its partition leases.</remarks>
    /// <example><c>services.AddDurableTask(b =&gt; b.UseAzureStorage(connectionString, "EmigrateHub").AddTasks(r =&gt; …));</c></example>
    public static DurableTaskBuilder UseAzureStorage(this DurableTaskBuilder builder, string connectionString, string hubName, AzureStorageOrchestrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(hubName);
        builder.Services.TryAddSingleton(sp => new AzureStorageOrchestrationBackend(
            connectionString,
            hubName,
            options,
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetService<ILoggerFactory>()));
        return builder.UseBackend(sp => sp.GetRequiredService<AzureStorageOrchestrationBackend>());
    }
}
