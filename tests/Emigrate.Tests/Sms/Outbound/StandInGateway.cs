using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Emigrate.Tests.Sms.Outbound;

/// <summary>What the stand-in gateway received.</summary>
internal sealed record GatewayCall(string Method, string Path, string? Authorization, string? IdempotencyKey, string? ContentType, string Body);

/// <summary>One scripted answer: a status, an optional Retry-After (seconds), a body; or no answer at all.</summary>
internal sealed record GatewayAnswer(int Status, string? Body = null, int? RetryAfterSeconds = null, bool Hang = false);

/// <summary>
/// A stand-in for the external SMS gateway on 127.0.0.1 (Kestrel, a free port): records every request exactly as
/// received and answers from a script, then 202 with a message id once the script is used up.
/// </summary>
internal sealed class StandInGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<GatewayAnswer> _script = new();
    private int _accepted;

    private StandInGateway(WebApplication app) => _app = app;

    public ConcurrentQueue<GatewayCall> Calls { get; } = new();

    public Uri Url => new(_app.Urls.First() + "/v1/messages");

    public static async Task<StandInGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var gateway = new StandInGateway(builder.Build());
        gateway._app.Run(gateway.HandleAsync);
        await gateway._app.StartAsync();
        return gateway;
    }

    /// <summary>Answers the next requests with these, in order.</summary>
    public void Script(params GatewayAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        Calls.Enqueue(new GatewayCall(
            context.Request.Method,
            context.Request.Path.Value ?? string.Empty,
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            context.Request.ContentType,
            body));

        if (!_script.TryDequeue(out var answer))
        {
            context.Response.StatusCode = StatusCodes.Status202Accepted;
            await context.Response.WriteAsJsonAsync(new { id = $"gw-{Interlocked.Increment(ref _accepted)}", status = "queued" });
            return;
        }

        if (answer.Hang)
        {
            // Until the client gives up (its per-attempt timeout) and drops the connection.
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (answer.Body is not null)
        {
            await context.Response.WriteAsync(answer.Body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
