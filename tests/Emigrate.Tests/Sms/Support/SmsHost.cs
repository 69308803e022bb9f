using System.Net.Http.Json;
using System.Text.Json;
using Emigrate.Data.Cases;
using Emigrate.Functions.Sms;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Sms.Reminders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions;
using Serverless.Functions.Hosting;
using Serverless.Testing;

namespace Emigrate.Tests.Sms.Support;

/// <summary>
/// The real host on Kestrel (127.0.0.1, a free port) with the SMS functions and the app's SMS services on Azurite,
/// its own tables, a manual clock and an in-memory case directory standing in for the case workflow's.
/// </summary>
internal sealed class SmsHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key-0000-not-a-secret";
    public const string CscKey = "test-csc-operator-key-0001-not-a-secret";
    public const string Secret = "test-webhook-secret-0001";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private SmsHost(FunctionsApp app, ManualClock clock, InMemoryCaseDirectory cases)
    {
        App = app;
        Clock = clock;
        Cases = cases;
        Client = new HttpClient { BaseAddress = app.Addresses[0], Timeout = TimeSpan.FromSeconds(30) };
    }

    public FunctionsApp App { get; }

    public ManualClock Clock { get; }

    public InMemoryCaseDirectory Cases { get; }

    public HttpClient Client { get; }

    public static async Task<SmsHost> StartAsync(AzuriteFixture azurite, DateTimeOffset now, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var root = Directory.CreateTempSubdirectory("emigrate-sms-host-").FullName;
        var options = new FunctionsApplicationOptions { AppRoot = root, UseLocalSettings = false, EnvironmentName = "Development" };
        var all = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Host:LocalHttpPort"] = "0",
            ["Host:StartAzurite"] = "false",
            ["Host:ShutdownGracePeriod"] = "00:00:10",
            ["FunctionKeys:CacheDuration"] = "00:00:00",
            ["FunctionKeys:TableName"] = UniqueNames.Table("keys"),
            ["Timers:TableName"] = UniqueNames.Table("timers"),
            ["FunctionKeys:Development:admin:Key"] = AdminKey,
            ["FunctionKeys:Development:admin:Role"] = "admin",
            ["FunctionKeys:Development:csc:Key"] = CscKey,
            ["FunctionKeys:Development:csc:Role"] = "csc-operator",
            ["FunctionKeys:Development:csc:Org"] = "CSC-TEST-0001",
            ["Sms:WebhookSecret"] = Secret,
            ["Sms:OutboxTable"] = UniqueNames.Table("outbox"),
            ["Sms:OptOutTable"] = UniqueNames.Table("optouts"),
            ["Sms:InboundTable"] = UniqueNames.Table("inbound"),
            ["Sms:RemindersTable"] = UniqueNames.Table("reminders"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        foreach (var (key, value) in all)
        {
            options.Settings[key] = value;
        }

        var clock = new ManualClock(now);
        var cases = new InMemoryCaseDirectory();
        var builder = FunctionsApplication.CreateBuilder(options);
        services?.Invoke(builder.Services);
        builder.AddFunctions(typeof(InboundSmsWebhook), typeof(SmsOutboxFunction), typeof(ReminderTimer));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddEmigrate(builder.Configuration);
        builder.Services.AddSingleton<ICaseDirectory>(cases);
        var app = builder.Build();
        await app.StartAsync();
        return new SmsHost(app, clock, cases);
    }

    /// <summary>What the gateway sends: the form, signed over the URL it calls (or with the given signature).</summary>
    public Task<HttpResponseMessage> ReceiveAsync(string from, string body, string messageId, string? signature = null, string? signedUrl = null)
    {
        var form = new Dictionary<string, string> { ["From"] = from, ["Body"] = body, ["MessageId"] = messageId };
        var url = new Uri(Client.BaseAddress!, "api/sms/inbound");
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(WebhookSignature.HeaderName, signature ?? WebhookSignature.Compute(Secret, signedUrl ?? url.ToString(), form));
        return Client.SendAsync(request);
    }

    /// <summary>The reply text of a delivery that must succeed.</summary>
    public async Task<string> ReplyAsync(string from, string body, string messageId)
    {
        using var response = await ReceiveAsync(from, body, messageId);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return text;
    }

    public async Task<List<OutboxEntry>> OutboxAsync(string to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/sms/outbox?mobile={Uri.EscapeDataString(to)}");
        request.Headers.Add("x-functions-key", AdminKey);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {text}");
        return JsonSerializer.Deserialize<List<OutboxEntry>>(text, Json)!;
    }

    /// <summary>Runs the reminder timer function once, as the host's scheduler does, through the host's services.</summary>
    public async Task<ReminderRun> RunReminderTimerAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var timer = ActivatorUtilities.CreateInstance<ReminderTimer>(scope.ServiceProvider);
        return await timer.Run(new TimerInfo(), CancellationToken.None);
    }

    public IReminderSchedule Reminders => App.Services.GetRequiredService<IReminderSchedule>();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
