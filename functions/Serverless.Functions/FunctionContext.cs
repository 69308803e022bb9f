namespace Serverless.Functions;

/// <summary>Encapsulates one function invocation: ids, the function, services and cancellation.</summary>
/// <remarks>
/// Bind it as a parameter of any function. For HTTP functions <see cref="FunctionContextExtensions.GetHttpContext"/>
/// gives the request's <c>HttpContext</c>, and <see cref="FunctionCallerExtensions.GetCaller(FunctionContext)"/> the
/// caller's role and organisation.
/// </remarks>
public abstract class FunctionContext
{
    /// <summary>A unique id of this invocation; it is on every log line the invocation writes.</summary>
    public abstract string InvocationId { get; }

    /// <summary>The function's id, stable across invocations.</summary>
    public abstract string FunctionId { get; }

    /// <summary>The function being run.</summary>
    public abstract FunctionDefinition FunctionDefinition { get; }

    /// <summary>The services of this invocation's scope.</summary>
    public abstract IServiceProvider InstanceServices { get; set; }

    /// <summary>Values shared within this invocation.</summary>
    public abstract IDictionary<object, object> Items { get; set; }

    /// <summary>Signalled when the invocation is cancelled: the HTTP caller went away, or the host's shutdown grace period ran out.</summary>
    public abstract CancellationToken CancellationToken { get; }
}
