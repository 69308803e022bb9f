using System.Collections.Concurrent;

namespace Serverless.Functions.Tests.Timers;

/// <summary>What timer functions saw, per host, shared with the test through DI.</summary>
public sealed class TimerLog
{
    public ConcurrentQueue<(string Host, string Function, TimerInfo Info)> Firings { get; } = new();
}

/// <summary>The name of the host a function runs in, so a test with two hosts can tell their firings apart.</summary>
public sealed record HostName(string Value);

public sealed class EverySecond(TimerLog log, HostName host)
{
    [Function("EverySecond")]
    public void Run([TimerTrigger("* * * * * *")] TimerInfo timer) => log.Firings.Enqueue((host.Value, "EverySecond", timer));
}

public sealed class Hourly(TimerLog log, HostName host)
{
    [Function("Hourly")]
    public Task Run([TimerTrigger("0 0 * * * *")] TimerInfo timer, FunctionContext context)
    {
        log.Firings.Enqueue((host.Value, context.FunctionDefinition.Name, timer));
        return Task.CompletedTask;
    }
}

public sealed class HourlyOnStartup(TimerLog log, HostName host)
{
    [Function("HourlyOnStartup")]
    public void Run([TimerTrigger("0 0 * * * *", RunOnStartup = true)] TimerInfo timer) => log.Firings.Enqueue((host.Value, "HourlyOnStartup", timer));
}
