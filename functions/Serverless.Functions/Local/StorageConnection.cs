using Microsoft.Extensions.Configuration;

namespace Serverless.Functions.Local;

/// <summary>Reads the storage connection, <c>AzureWebJobsStorage</c>, from configuration.</summary>
internal static class StorageConnection
{
    public const string SettingName = "AzureWebJobsStorage";

    /// <exception cref="InvalidOperationException">The setting is missing.</exception>
    public static string Get(IConfiguration configuration) =>
        configuration[SettingName] is { Length: > 0 } value
            ? value
            : configuration.GetConnectionString(SettingName) is { Length: > 0 } connection
                ? connection
                : throw new InvalidOperationException($"The storage connection '{SettingName}' is not configured (local.settings.json Values, or the environment).");

    public static bool IsDevelopmentStorage(string connectionString) =>
        connectionString.Replace(" ", string.Empty, StringComparison.Ordinal)
            .Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase);
}
