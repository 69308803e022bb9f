using System.Text;
using Emigrate.Data.Cases;
using Emigrate.Data.Documents;
using Emigrate.Data.Medical;
using Emigrate.Domain.Clearance;
using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Reference;
using Emigrate.Domain.Registration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Serverless.Storage.Blobs;
using Serverless.Storage.Tables;

namespace Emigrate;

public static partial class EmigrateRegistration
{
    /// <summary>The setting holding the Aadhaar hash key (at least 32 bytes of UTF-8).</summary>
    public const string AadhaarHashKeySetting = "Emigrate:AadhaarHashKey";

    /// <summary>A prefix for the case workflow's table and container names (tests); empty in the app.</summary>
    public const string StoragePrefixSetting = "Emigrate:StoragePrefix";

    static partial void AddCases(IServiceCollection services, IConfiguration configuration)
    {
        string prefix = configuration[StoragePrefixSetting] ?? "";
        services.TryAddSingleton(_ => ReferenceDataLoader.LoadEmbedded());
        services.TryAddSingleton(sp =>
        {
            string key = sp.GetRequiredService<IConfiguration>()[AadhaarHashKeySetting]
                ?? throw new InvalidOperationException($"Set {AadhaarHashKeySetting} (at least {AadhaarHasher.MinimumKeyBytes} bytes).");
            return new AadhaarHasher(Encoding.UTF8.GetBytes(key));
        });
        services.TryAddSingleton(sp => new RegistrationValidator(sp.GetRequiredService<ReferenceData>(), sp.GetRequiredService<AadhaarHasher>()));
        services.TryAddSingleton(new DeadlineOptions());
        services.TryAddSingleton(sp => new CaseTables(sp.GetRequiredService<TableServiceClient>(), prefix));
        services.TryAddSingleton<CaseStore>();
        services.TryAddSingleton<ICaseDirectory>(sp => sp.GetRequiredService<CaseStore>());
        services.TryAddSingleton(sp => new DocumentStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<TableServiceClient>(), prefix));
        services.TryAddSingleton<Functions.Portal.ICaseStarter, Functions.Portal.DurableCaseStarter>();
        services.TryAddSingleton(sp => new MedicalSlotStore(sp.GetRequiredService<TableServiceClient>(), prefix));
        services.AddHostedService<CaseStorageInitializer>();
    }

    /// <summary>Creates the case workflow's tables and container at start.</summary>
    private sealed class CaseStorageInitializer(CaseTables tables, DocumentStore documents, MedicalSlotStore slots) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await tables.EnsureCreatedAsync(cancellationToken);
            await documents.EnsureCreatedAsync(cancellationToken);
            await slots.EnsureCreatedAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
