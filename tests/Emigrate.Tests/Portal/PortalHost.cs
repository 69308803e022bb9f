using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Emigrate.Domain.Identifiers;
using Emigrate.Functions.Portal;
using Emigrate.Sms;
using Emigrate.Sms.Outbound;
using Emigrate.Sms.Reminders;
using Emigrate.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions;
using Serverless.Functions.Hosting;
using Serverless.Testing;

namespace Emigrate.Tests.Portal;

/// <summary>One Azurite for the portal's end-to-end tests; each test starts its own host with its own tables.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Portal on Azurite";
}

/// <summary>Records what the case workflow asked of the SMS side (the colleague's real adapters replace these in the app).</summary>
public sealed class RecordingSms : ISmsSender, IReminderSchedule
{
    public ConcurrentQueue<OutboundSms> Sent { get; } = new();

    public ConcurrentQueue<(Reminder Reminder, DateTimeOffset DueAt)> Scheduled { get; } = new();

    public Task<bool> SendAsync(OutboundSms message, CancellationToken cancellationToken)
    {
        this.Sent.Enqueue(message);
        return Task.FromResult(true);
    }

    public Task ScheduleAsync(Reminder reminder, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        this.Scheduled.Enqueue((reminder, dueAt));
        return Task.CompletedTask;
    }

    public Task CancelAsync(CaseId caseId, ReminderReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The Emigrate app on a real host (Kestrel, free port) against Azurite, with development keys for every role.</summary>
public sealed class PortalHost : IAsyncDisposable
{
    public const string CscKey = "test-csc-key-0001";
    public const string OtherCscKey = "test-csc-key-0002";
    public const string VerifierKey = "test-verifier-key-mumbai";
    public const string OtherVerifierKey = "test-verifier-key-delhi";
    public const string PoeKey = "test-poe-key-mumbai";
    public const string MedicalKey = "test-medical-key";
    public const string InsurerKey = "test-insurer-key";
    public const string AdminKey = "test-admin-key";
    public const string OtherMedicalKey = "test-medical-key-kochi";
    public const string OtherInsurerKey = "test-insurer-key-kaveri";
    public const string OtherPoeKey = "test-poe-key-delhi";

    private PortalHost(FunctionsApp app, HttpClient client, RecordingSms sms)
    {
        this.App = app;
        this.Client = client;
        this.Sms = sms;
    }

    public FunctionsApp App { get; }

    public HttpClient Client { get; }

    public RecordingSms Sms { get; }

    public static IReadOnlyDictionary<string, (string Role, string? Org)> Keys { get; } = new Dictionary<string, (string, string?)>
    {
        [CscKey] = ("csc-operator", "csc-demo-0001"),
        [OtherCscKey] = ("csc-operator", "csc-demo-0002"),
        [VerifierKey] = ("verifier", "poe-mumbai"),
        [OtherVerifierKey] = ("verifier", "poe-delhi"),
        [PoeKey] = ("poe-officer", "poe-mumbai"),
        [MedicalKey] = ("medical-centre", "mc-mumbai-1"),
        [InsurerKey] = ("insurer", "ins-sagar"),
        [AdminKey] = ("admin", null),
        [OtherMedicalKey] = ("medical-centre", "mc-kochi-1"),
        [OtherInsurerKey] = ("insurer", "ins-kaveri"),
        [OtherPoeKey] = ("poe-officer", "poe-delhi"),
    };

    public static async Task<PortalHost> StartAsync(AzuriteFixture azurite, Action<IServiceCollection>? configure = null)
    {
        var root = Directory.CreateTempSubdirectory("emigrate-portal-").FullName;
        var options = new FunctionsApplicationOptions { AppRoot = root, UseLocalSettings = false, EnvironmentName = "Development" };
        options.Settings["Host:LocalHttpPort"] = "0";
        options.Settings["Host:StartAzurite"] = "false";
        options.Settings["Host:ShutdownGracePeriod"] = "00:00:05";
        options.Settings["FunctionKeys:CacheDuration"] = "00:00:00";
        options.Settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        options.Settings["FunctionKeys:TableName"] = UniqueNames.Table("keys");
        options.Settings["Timers:TableName"] = UniqueNames.Table("timers");
        options.Settings["Emigrate:StoragePrefix"] = UniqueNames.Table("t");
        // Each host gets its own task hub: a shared hub would hand one test's leftover orchestrations to the next host.
        options.Settings["AzureFunctionsJobHost:extensions:durableTask:hubName"] = UniqueNames.Table("hub");
        options.Settings["Emigrate:AadhaarHashKey"] = "portal-tests-aadhaar-key-0123456789-not-a-secret";
        int i = 0;
        foreach (var (key, (role, org)) in Keys)
        {
            i++;
            options.Settings[$"FunctionKeys:Development:k{i}:Key"] = key;
            options.Settings[$"FunctionKeys:Development:k{i}:Role"] = role;
            if (org is not null)
            {
                options.Settings[$"FunctionKeys:Development:k{i}:Org"] = org;
            }
        }

        var builder = FunctionsApplication.CreateBuilder(options);
        builder.AddFunctionsFrom(typeof(RegisterCase).Assembly);
        var sms = new RecordingSms();
        builder.Services.AddSingleton<ISmsSender>(sms);
        builder.Services.AddSingleton<IReminderSchedule>(sms);
        configure?.Invoke(builder.Services);
        builder.Services.AddEmigrate(builder.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        await app.StartAsync();
        var client = new HttpClient { BaseAddress = app.Addresses[0], Timeout = TimeSpan.FromSeconds(30) };
        return new PortalHost(app, client, sms);
    }

    /// <summary>A valid registration body (Maharashtra: PoE Mumbai) with a departure 60 days from now.</summary>
    public static JsonObject Applicant(string passport = "K1234567", string mobile = "9876543210") =>
        SampleApplicant.Body("Ramesh Kumar", passport, mobile, "2345 6789 0124", "Room 4, Dharavi", "Mumbai", "Maharashtra", "400017", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(60));

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await this.Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string? key, JsonNode body) =>
        this.SendAsync(HttpMethod.Post, path, key, JsonContent.Create(body));

    public async Task<string> RegisterAsync(string passport = "K1234567")
    {
        using var response = await this.PostJsonAsync("/api/cases", CscKey, Applicant(passport));
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, body?.ToJsonString());
        return body!["caseId"]!.GetValue<string>();
    }

    public async Task<JsonObject> GetCaseAsync(string caseId, string key = CscKey)
    {
        using var response = await this.SendAsync(HttpMethod.Get, $"/api/cases/{caseId}", key);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>
    /// Polls the case until it reaches the stage (the orchestration moves it asynchronously); fails after 120 s, a
    /// give-up limit for a loaded CI machine, not an expectation of speed.
    /// </summary>
    public async Task<JsonObject> WaitForStageAsync(string caseId, string stage)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var found = await this.GetCaseAsync(caseId);
            if (found["stage"]!.GetValue<string>() == stage)
            {
                return found;
            }

            if (timeout.IsCancellationRequested)
            {
                Assert.Fail($"Case {caseId} stayed at {found["stage"]} instead of reaching {stage}.");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The upload path of a document; a visa carries an expiry date that passes the pre-check.</summary>
    public static string DocumentPath(string caseId, string type) =>
        $"/api/cases/{caseId}/documents/{type}" + (type == "visa" ? "?expiryDate=" + DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1).ToString("yyyy-MM-dd") : "");

    public static ByteArrayContent Pdf(int size = 2048)
    {
        var bytes = new byte[size];
        "%PDF-1.7\n"u8.CopyTo(bytes);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return content;
    }

    public async ValueTask DisposeAsync()
    {
        this.Client.Dispose();
        await this.App.StopAsync();
        await this.App.DisposeAsync();
    }
}
