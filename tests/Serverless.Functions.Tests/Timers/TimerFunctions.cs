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

// Once a year: no regular occurrence falls inside a test, so every firing a test sees comes from start-up (past due or
// run on startup). An hourly schedule fired a second time whenever a run crossed the top of an hour.
public sealed class Yearly(TimerLog log, HostName host)
{
    [Function("Yearly")]
    public Task Run([TimerTrigger("0 0 0 1 1 *")] TimerInfo timer, FunctionContext context)
    {
        log.Firings.Enqueue((host.Value, context.FunctionDefinition.Name, timer));
        return Task.CompletedTask;
    }
}

public sealed class YearlyOnStartup(TimerLog log, HostName host)
{
    [Function("YearlyOnStartup")]
    public void Run([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true)] TimerInfo timer) => log.Firings.Enqueue((host.Value, "YearlyOnStartup", timer));
}
