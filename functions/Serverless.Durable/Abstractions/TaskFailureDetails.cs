using System.Collections.Concurrent;

namespace Serverless.Durable;

/// <summary>What is known about a failure that crossed a durable boundary (an activity, a sub-orchestration, an orchestration).</summary>
/// <param name="ErrorType">The full name of the exception type, e.g. <c>System.InvalidOperationException</c>.</param>
/// <param name="ErrorMessage">The exception message.</param>
/// <param name="StackTrace">The stack trace where the failure was raised, if any.</param>
/// <param name="InnerFailure">The details of the inner exception, if any.</param>
/// <remarks>
/// Failures are stored in history as these details, not as exceptions: replays rebuild the same
/// <see cref="TaskFailedException"/> from them, so decisions on failures are deterministic.
/// </remarks>
public sealed record TaskFailureDetails(string ErrorType, string ErrorMessage, string? StackTrace, TaskFailureDetails? InnerFailure)
{
    private static readonly ConcurrentDictionary<string, Type?> TypesByName = new(StringComparer.Ordinal);

    /// <summary>Whether the failure was caused by an exception of type <typeparamref name="T"/> or a type derived from it.</summary>
    /// <typeparam name="T">The exception type to test.</typeparam>
    /// <returns><see langword="true"/> when <see cref="ErrorType"/> names <typeparamref name="T"/> or a subtype.</returns>
    /// <remarks>The type is resolved by name among the loaded assemblies; an unknown name matches only by equal name.</remarks>
    public bool IsCausedBy<T>()
        where T : Exception
    {
        Type? type = TypesByName.GetOrAdd(this.ErrorType, ResolveType);
        return type is null
            ? string.Equals(this.ErrorType, typeof(T).FullName, StringComparison.Ordinal)
            : typeof(T).IsAssignableFrom(type);
    }

    /// <summary>Captures the details of <paramref name="exception"/>, with its inner exceptions.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The details.</returns>
    /// <remarks>A <see cref="TaskFailedException"/>'s inner failure is the failure of the task it reports.</remarks>
    public static TaskFailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        TaskFailureDetails? inner = exception switch
        {
            TaskFailedException failed => failed.FailureDetails,
            _ when exception.InnerException is not null => FromException(exception.InnerException),
            _ => null,
        };
        return new TaskFailureDetails(exception.GetType().FullName ?? exception.GetType().Name, exception.Message, exception.StackTrace, inner);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{this.ErrorType}: {this.ErrorMessage}";

    private static Type? ResolveType(string name)
    {
        Type? type = Type.GetType(name, throwOnError: false);
        if (type is not null)
        {
            return type;
        }

        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            type = assembly.GetType(name, throwOnError: false);
            if (type is not null)
            {
                return type;
            }
        }

        return null;
    }
}
