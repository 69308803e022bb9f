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

    public static ReturnValue For(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return new(typeof(void), static _ => ValueTask.FromResult<object?>(null));
        }

        if (returnType == typeof(Task))
        {
            return new(typeof(void), static async r =>
            {
                await ((Task)r!).ConfigureAwait(false);
                return null;
            });
        }

        if (returnType == typeof(ValueTask))
        {
            return new(typeof(void), static async r =>
            {
                await ((ValueTask)r!).ConfigureAwait(false);
                return null;
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetProperty(nameof(Task<object>.Result))!;
            return new(returnType.GetGenericArguments()[0], async r =>
            {
                var task = (Task)r!;
                await task.ConfigureAwait(false);
                return result.GetValue(task);
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var asTask = returnType.GetMethod(nameof(ValueTask<object>.AsTask))!;
            var inner = For(asTask.ReturnType);
            return new(returnType.GetGenericArguments()[0], r => inner.AwaitAsync(asTask.Invoke(r, BindingFlags.DoNotWrapExceptions, null, null, null)));
        }

        return new(returnType, static r => ValueTask.FromResult(r));
    }
}
