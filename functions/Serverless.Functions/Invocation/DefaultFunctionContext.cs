using Microsoft.AspNetCore.Http;

namespace Serverless.Functions.Invocation;

/// <summary>The host's <see cref="FunctionContext"/>: one per invocation, carrying the trigger's input.</summary>
internal sealed class DefaultFunctionContext(
    FunctionDefinition definition,
    IServiceProvider services,
    CancellationToken cancellationToken) : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId => definition.Id;

    public override FunctionDefinition FunctionDefinition => definition;

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    public override CancellationToken CancellationToken => cancellationToken;

    /// <summary>The request of an HTTP-triggered invocation.</summary>
    public HttpContext? HttpContext { get; init; }

    /// <summary>The value the trigger parameter binds to (a <see cref="TimerInfo"/>, an activity input, …).</summary>
    public object? TriggerValue { get; init; }
}
