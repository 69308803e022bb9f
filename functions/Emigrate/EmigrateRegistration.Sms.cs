using Emigrate.Import;
using Emigrate.Sms.Inbound;
using Emigrate.Sms.Outbound;
using Emigrate.Sms.Reminders;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Serverless.Functions;

namespace Emigrate;

public static partial class EmigrateRegistration
{
    /// <summary>The SMS side (sender port over the outbox, opt-outs, inbound webhook, reminders index and timer) and the camp import verb.</summary>
    /// <remarks>Consumes <see cref="Data.Cases.ICaseDirectory"/>, which the case workflow registers.</remarks>
    static partial void AddSms(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsOptions>().Bind(configuration.GetSection(SmsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SmsTables>();
        services.TryAddSingleton(sp => new SmsOutbox(Table(sp, o => o.OutboxTable), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<SmsOutboxDrain>();
        services.TryAddSingleton(sp => new OptOuts(Table(sp, o => o.OptOutTable), sp.GetRequiredService<TimeProvider>()));
        services.AddSmsSender(configuration);
        services.TryAddSingleton<IReminderSchedule>(sp => new TableReminderSchedule(Table(sp, o => o.RemindersTable), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CaseLookup>();
        services.TryAddSingleton<InboundReplies>();
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<InboundSmsHandler>(sp, Table(sp, o => o.InboundTable)));
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<ReminderDispatcher>(sp, Table(sp, o => o.RemindersTable)));

        // `dotnet run --project functions/Emigrate -- import --file camp.csv …` (bulk registration for CSC camps).
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandLineVerb, ImportCommand>());
    }

    // One SmsTable per name, so each table is created once per process.
    private static SmsTable Table(IServiceProvider services, Func<SmsOptions, string> name) =>
        services.GetRequiredService<SmsTables>().Get(name(services.GetRequiredService<IOptions<SmsOptions>>().Value));
}
