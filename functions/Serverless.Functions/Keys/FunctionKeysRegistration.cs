using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Serverless.Functions.Keys;

/// <summary>Registers function-key authentication (the default scheme), role authorisation and the key store.</summary>
internal static class FunctionKeysRegistration
{
    public static void AddFunctionKeys(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FunctionKeysOptions>().Bind(configuration.GetSection(FunctionKeysOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication(FunctionKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, FunctionKeyAuthenticationHandler>(FunctionKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        services.TryAddSingleton<FunctionKeyValidator>();
        services.TryAddSingleton<IFunctionKeyStore, TableFunctionKeyStore>();
        services.TryAddSingleton<FunctionKeyCommands>();
    }
}
