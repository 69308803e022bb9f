namespace Serverless.Functions.Invocation;

/// <summary>Produces one argument of a function from its invocation.</summary>
internal delegate ValueTask<object?> ParameterBinding(DefaultFunctionContext context);
