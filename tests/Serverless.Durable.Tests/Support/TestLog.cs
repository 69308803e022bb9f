using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Serverless.Durable.Tests.Support;

/// <summary>A logger factory that writes to the test output and keeps every entry for assertions.</summary>
public sealed class TestLog(ITestOutputHelper output) : ILoggerFactory
{
    private readonly ITestOutputHelper output = output;

    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public bool Contains(int eventId, string text) =>
        this.Entries.Any(e => e.EventId == eventId && e.Message.Contains(text, StringComparison.Ordinal));

    public sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message);

    private sealed class Logger(TestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            string message = formatter(state, exception);
            log.Entries.Enqueue(new LogEntry(category, logLevel, eventId.Id, message));
            try
            {
                log.output.WriteLine($"{logLevel,-11} [{eventId.Id}] {category}: {message}{(exception is null ? string.Empty : " " + exception.GetType().Name + ": " + exception.Message)}");
            }
            catch (InvalidOperationException)
            {
                // The test has already finished; its output is closed.
            }
        }
    }
}
