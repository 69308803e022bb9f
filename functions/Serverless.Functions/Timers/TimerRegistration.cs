using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Timers;

/// <summary>Registers timer triggers: the binder, the table-backed schedule monitor and the scheduler.</summary>
internal static class TimerRegistration
{
    public static void AddTimers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TimerOptions>().Bind(configuration.GetSection(TimerOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<TimerTriggerBinder>();
        services.AddSingleton<ITriggerBinder>(sp => sp.GetRequiredService<TimerTriggerBinder>());
        services.TryAddSingleton<IScheduleMonitor, TableScheduleMonitor>();
        services.AddHostedService<TimerScheduler>();
    }
}
