using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Serverless.Functions.Http;

/// <summary>Writes what an HTTP function returned: <see cref="IResult"/>, <see cref="IActionResult"/>, text or a JSON value.</summary>
internal static class HttpResultWriter
{
    public static Task WriteAsync(HttpContext http, object? result, Type resultType)
    {
        if (http.Response.HasStarted)
        {
            // The function streamed its own response.
            return Task.CompletedTask;
        }

        return result switch
        {
            IResult r => r.ExecuteAsync(http),
            IActionResult a => a.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())),
            string text => Results.Text(text).ExecuteAsync(http),
            null when resultType == typeof(void) => Task.CompletedTask,
            null => Results.NoContent().ExecuteAsync(http),
            _ => Results.Json(result).ExecuteAsync(http),
        };
    }
}
