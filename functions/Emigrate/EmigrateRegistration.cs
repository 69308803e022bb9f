using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Emigrate;

/// <summary>The app's services. Each area registers itself in its own file through a partial method.</summary>
/// <remarks>Partial methods keep the case workflow and the SMS side independent: either compiles without the other.</remarks>
public static partial class EmigrateRegistration
{
    /// <summary>Adds every service of the emigrant app.</summary>
    public static IServiceCollection AddEmigrate(this IServiceCollection services, IConfiguration configuration)
    {
        AddCases(services, configuration);
        AddSms(services, configuration);
        return services;
    }

    static partial void AddCases(IServiceCollection services, IConfiguration configuration);

    static partial void AddSms(IServiceCollection services, IConfiguration configuration);
}
