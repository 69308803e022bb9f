using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Tests.Timers;

/// <summary>
/// Which hosts' schedulers have entered their regular schedule, read from the scheduler's "next fires at" log (event
/// 300), which each timer writes only after its start-up firings (past due, run on startup) are over.
/// </summary>
public sealed class TimerSchedulingLog
{
    private const string SchedulerCategory = "Serverless.Functions.Timers.TimerScheduler";
    private const int TimerScheduled = 300;

    public ConcurrentDictionary<string, bool> Scheduled { get; } = new();

    /// <summary>Adds a provider to a host's logging that records, under <paramref name="host"/>, when its scheduler logs event 300.</summary>
    public void AddTo(ILoggingBuilder logging, string host)
    {
        logging.AddProvider(new Provider(this, host));

        // The test host logs warnings only; event 300 is a debug message.
        logging.AddFilter<Provider>(SchedulerCategory, LogLevel.Debug);
    }

    private sealed class Provider(TimerSchedulingLog log, string host) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(log, host, categoryName == SchedulerCategory);

        public void Dispose()
        {
        }
    }

    private sealed class Logger(TimerSchedulingLog log, string host, bool scheduler) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => scheduler;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (scheduler && eventId.Id == TimerScheduled)
            {
                log.Scheduled[host] = true;
            }
        }
    }
}
