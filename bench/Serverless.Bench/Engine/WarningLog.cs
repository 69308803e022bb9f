using Microsoft.Extensions.Logging;

namespace Serverless.Bench.Engine;

/// <summary>Counts the engine's warnings and errors and prints the first few to stderr: a benchmark that hides retries lies.</summary>
internal sealed class WarningLog : ILoggerFactory
{
    private const int Printed = 10;
    private int count;

    public int Count => Volatile.Read(ref this.count);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(WarningLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (this.IsEnabled(logLevel) && Interlocked.Increment(ref log.count) <= Printed)
            {
                Console.Error.WriteLine($"  {logLevel} [{eventId.Id}] {category}: {formatter(state, exception)} {exception?.GetType().Name} {exception?.Message}");
            }
        }
    }
}
