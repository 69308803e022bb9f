using System.Reflection;

namespace Serverless.Functions.Invocation;

/// <summary>Turns whatever a function method returns (a value, <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c>, …) into its awaited result.</summary>
internal sealed class ReturnValue
{
    private readonly Func<object?, ValueTask<object?>> _await;

    private ReturnValue(Type resultType, Func<object?, ValueTask<object?>> await)
    {
        ResultType = resultType;
        _await = await;
    }

    /// <summary>The type of the awaited result; <see cref="void"/> when there is none.</summary>
    public Type ResultType { get; }

    public ValueTask<object?> AwaitAsync(object? returned) => _await(returned);

    /// <summary>The adapter for a method's return type.</summary>
    /// <param name="returnType">The method's declared return type.</param>
    /// <param name="onCapturedContext">
    /// Continue on the caller's synchronisation context: orchestrators need this, because the engine pumps their
    /// continuations on its own context and expects them to finish there.
    /// </param>
    public static ReturnValue For(Type returnType, bool onCapturedContext = false)
    {
        if (returnType == typeof(void))
        {
            return new(typeof(void), static _ => ValueTask.FromResult<object?>(null));
        }

        if (returnType == typeof(Task))
        {
            return new(typeof(void), async r =>
            {
                await ((Task)r!).ConfigureAwait(onCapturedContext);
                return null;
            });
        }

        if (returnType == typeof(ValueTask))
        {
            return new(typeof(void), async r =>
            {
                await ((ValueTask)r!).ConfigureAwait(onCapturedContext);
                return null;
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetProperty(nameof(Task<object>.Result))!;
            return new(returnType.GetGenericArguments()[0], async r =>
            {
                var task = (Task)r!;
                await task.ConfigureAwait(onCapturedContext);
                return result.GetValue(task);
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = returnType.GetMethod(nameof(ValueTask<object>.AsTask))!;
            var inner = For(asTask.ReturnType, onCapturedContext);
            return new(returnType.GetGenericArguments()[0], r => inner.AwaitAsync(asTask.Invoke(r, BindingFlags.DoNotWrapExceptions, null, null, null)));
        }

        return new(returnType, static r => ValueTask.FromResult(r));
    }
}
