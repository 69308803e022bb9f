using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Emigrate.Sms.Outbound;

/// <summary>Chooses the sender port's adapter from configuration.</summary>
public static class SmsSenderRegistration
{
    /// <summary>
    /// <c>Sms:Gateway:Url</c> set: <see cref="GatewaySmsSender"/> (outbox and gateway), its settings validated at
    /// start-up. Unset: <see cref="OutboxSmsSender"/> (outbox only). An <see cref="ISmsSender"/> registered before
    /// (tests) wins either way.
    /// </summary>
    /// <remarks>Needs a <see cref="TimeProvider"/>, <see cref="SmsOutbox"/> and <see cref="OptOuts"/>, which <c>AddSms</c> registers first.</remarks>
    public static IServiceCollection AddSmsSender(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SmsGatewayOptions.Section);
        if (string.IsNullOrWhiteSpace(section["Url"]))
        {
            services.TryAddSingleton<ISmsSender, OutboxSmsSender>();
            return services;
        }

        services.AddOptions<SmsGatewayOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        // Each attempt has its own timeout (Sms:Gateway:Timeout); the client's own would cut across retries.
        services.AddHttpClient(SmsGatewayClient.ClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddSingleton<SmsGatewayClient>();
        services.TryAddSingleton<ISmsSender, GatewaySmsSender>();
        return services;
    }
}
