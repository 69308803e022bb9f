using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Invocation;

namespace Serverless.Functions;

/// <summary>Helpers on <see cref="FunctionContext"/>, named as in the isolated worker.</summary>
public static class FunctionContextExtensions
{
    /// <summary>A logger of the given category; log lines carry the invocation id through the invocation's scope.</summary>
    public static ILogger GetLogger(this FunctionContext context, string categoryName)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<ILoggerFactory>().CreateLogger(categoryName);
    }

    /// <summary>A logger whose category is the type's name.</summary>
    public static ILogger<T> GetLogger<T>(this FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.InstanceServices.GetRequiredService<ILogger<T>>();
    }

    /// <summary>The ASP.NET Core <see cref="HttpContext"/> of an HTTP-triggered invocation; <see langword="null"/> for other triggers.</summary>
    public static HttpContext? GetHttpContext(this FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (context as DefaultFunctionContext)?.HttpContext;
    }
}
