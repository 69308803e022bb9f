using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serverless.Functions.Local;

namespace Serverless.Functions.Tests.Local;

public sealed class LocalStorageTests
{
    [Fact]
    public async Task Reset_deletes_the_local_azurite_data_found_above_the_app_root()
    {
        var repository = Directory.CreateTempSubdirectory("repo-").FullName;
        var azurite = Directory.CreateDirectory(Path.Combine(repository, "infra", "azurite")).FullName;
        File.WriteAllText(Path.Combine(azurite, "run-azurite.js"), string.Empty);
        var data = Directory.CreateDirectory(Path.Combine(azurite, ".azurite")).FullName;
        File.WriteAllText(Path.Combine(data, "__azurite_db_table__.json"), "{}");
        var appRoot = Directory.CreateDirectory(Path.Combine(repository, "functions", "App")).FullName;
        await using var storage = Storage(appRoot, "UseDevelopmentStorage=true");

        storage.ResetData();

        Assert.False(Directory.Exists(data));
        Assert.True(File.Exists(Path.Combine(azurite, "run-azurite.js")));
    }

    [Fact]
    public async Task Only_the_development_account_starts_azurite()
    {
        await using var storage = Storage(AppContext.BaseDirectory, "DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=a2V5;EndpointSuffix=core.windows.net");

        Assert.False(storage.UsesDevelopmentStorage);
        await storage.EnsureRunningAsync(default);
    }

    private static LocalStorage Storage(string appRoot, string connection) => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build(),
        Options.Create(new LocalStorageOptions { AppRoot = appRoot }),
        NullLogger<LocalStorage>.Instance);
}
