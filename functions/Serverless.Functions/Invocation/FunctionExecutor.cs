using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Invocation;

/// <summary>Runs one invocation: binds the arguments, builds the class through DI, calls the method and awaits it.</summary>
/// <remarks>Every log line written during the invocation carries its id and the function's name through a logging scope.</remarks>
internal sealed class FunctionExecutor(ILogger<FunctionExecutor> logger, TimeProvider time, FunctionMetrics metrics)
{
    public async Task<object?> ExecuteAsync(FunctionDescriptor function, DefaultFunctionContext context)
    {
        using var scope = logger.BeginScope(new InvocationScope(context.InvocationId, function.Name));
        var started = time.GetTimestamp();
        Log.FunctionStarted(logger, function.Name, context.InvocationId);
        object? instance = null;
        try
        {
            var arguments = new object?[function.Bindings.Count];
            for (var i = 0; i < arguments.Length; i++)
            {
                arguments[i] = await function.Bindings[i](context);
            }

            instance = function.Factory?.Invoke(context.InstanceServices, null);
            var returned = function.Invoker.Invoke(instance, arguments.AsSpan());
            var result = await function.Result.AwaitAsync(returned);
            var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
            Log.FunctionSucceeded(logger, function.Name, context.InvocationId, elapsed);
            metrics.Record(function.Name, "succeeded", elapsed);
            return result;
        }
        catch (Exception ex) when (Unwrap(ex) is { } inner && LogFailure(function, context, inner, started))
        {
            throw;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    private static Exception Unwrap(Exception ex) => ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;

    private bool LogFailure(FunctionDescriptor function, DefaultFunctionContext context, Exception ex, long started)
    {
        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            Log.FunctionCancelled(logger, function.Name, context.InvocationId, elapsed);
            metrics.Record(function.Name, "cancelled", elapsed);
        }
        else
        {
            Log.FunctionFailed(logger, ex, function.Name, context.InvocationId, elapsed);
            metrics.Record(function.Name, "failed", elapsed);
        }

        return false;
    }

    /// <summary>The structured scope of an invocation: <c>InvocationId</c> and <c>FunctionName</c>.</summary>
    private sealed class InvocationScope(string invocationId, string functionName) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values =
        [
            new("InvocationId", invocationId),
            new("FunctionName", functionName),
        ];

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => _values.GetEnumerator();

        public override string ToString() => $"InvocationId:{_values[0].Value} FunctionName:{_values[1].Value}";
    }
}
