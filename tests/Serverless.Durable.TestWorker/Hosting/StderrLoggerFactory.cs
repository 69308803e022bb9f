using Microsoft.Extensions.Logging;

namespace Serverless.Durable.TestWorker.Hosting;

/// <summary>Writes warnings and errors to stderr; the test copies them to its output, prefixed with the worker's name.</summary>
/// <remarks>A dozen lines instead of a console logging package: the tests only need the lines that explain a failure.</remarks>
public sealed class StderrLoggerFactory(LogLevel minimum = LogLevel.Warning) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, minimum);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LogLevel minimum) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (this.IsEnabled(logLevel))
            {
                string error = exception is null ? string.Empty : $" {exception.GetType().Name}: {exception.Message}";
                Console.Error.WriteLine($"{logLevel} [{eventId.Id}] {category}: {formatter(state, exception)}{error}");
            }
        }
    }
}
