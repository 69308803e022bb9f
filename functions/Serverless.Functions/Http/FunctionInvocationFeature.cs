namespace Serverless.Functions.Http;

/// <summary>Put on the <c>HttpContext</c> while a function handles the request, so error answers and request logs can name the invocation.</summary>
internal sealed record FunctionInvocationFeature(string FunctionName, string InvocationId);
