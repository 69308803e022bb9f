using Microsoft.Extensions.Logging;

namespace Serverless.Durable;

public abstract partial class TaskOrchestrationContext
{
    /// <summary>The factory the replay-safe loggers wrap.</summary>
    protected abstract ILoggerFactory LoggerFactory { get; }

    /// <summary>Creates a logger that writes only when the orchestrator is not replaying, so each line appears once.</summary>
    /// <param name="categoryName">The log category.</param>
    /// <returns>The logger.</returns>
    public ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(this, this.LoggerFactory.CreateLogger(categoryName));

    /// <summary>Creates a replay-safe logger whose category is <paramref name="type"/>'s name.</summary>
    /// <param name="type">The type naming the category.</param>
    /// <returns>The logger.</returns>
    public ILogger CreateReplaySafeLogger(Type type) =>
        new ReplaySafeLogger(this, this.LoggerFactory.CreateLogger(type));

    /// <summary>Creates a replay-safe logger whose category is <typeparamref name="T"/>'s name.</summary>
    /// <typeparam name="T">The type naming the category.</typeparam>
    /// <returns>The logger.</returns>
    public ILogger CreateReplaySafeLogger<T>() => this.CreateReplaySafeLogger(typeof(T));

    private sealed class ReplaySafeLogger(TaskOrchestrationContext context, ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => !context.IsReplaying && inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!context.IsReplaying)
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
            }
        }
    }
}
