using Microsoft.Extensions.Logging;

namespace Serverless.Functions;

/// <summary>Every log message of the host, with explicit unique event ids (1xx invocation, 2xx HTTP, 3xx timers, 4xx keys, 5xx local storage, 6xx durable, 7xx lifetime).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Debug, "Executing '{FunctionName}' (invocation {InvocationId})")]
    public static partial void FunctionStarted(ILogger logger, string functionName, string invocationId);

    [LoggerMessage(101, LogLevel.Information, "Executed '{FunctionName}' (succeeded, invocation {InvocationId}, {ElapsedMs:0.0} ms)")]
    public static partial void FunctionSucceeded(ILogger logger, string functionName, string invocationId, double elapsedMs);

    [LoggerMessage(102, LogLevel.Error, "Executed '{FunctionName}' (failed, invocation {InvocationId}, {ElapsedMs:0.0} ms)")]
    public static partial void FunctionFailed(ILogger logger, Exception exception, string functionName, string invocationId, double elapsedMs);

    [LoggerMessage(103, LogLevel.Warning, "Executed '{FunctionName}' (cancelled, invocation {InvocationId}, {ElapsedMs:0.0} ms)")]
    public static partial void FunctionCancelled(ILogger logger, string functionName, string invocationId, double elapsedMs);

    [LoggerMessage(104, LogLevel.Information, "Found {Count} functions: {Functions}")]
    public static partial void FunctionsFound(ILogger logger, int count, string functions);

    [LoggerMessage(200, LogLevel.Information, "HTTP {Method} {RouteTemplate} answered {StatusCode} in {ElapsedMs:0.0} ms (invocation {InvocationId})")]
    public static partial void RequestCompleted(ILogger logger, string method, string routeTemplate, int statusCode, double elapsedMs, string invocationId);

    [LoggerMessage(300, LogLevel.Debug, "Timer '{FunctionName}' next fires at {Occurrence:O}")]
    public static partial void TimerScheduled(ILogger logger, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(301, LogLevel.Information, "Timer '{FunctionName}' missed its occurrence at {Occurrence:O}; running it now as past due")]
    public static partial void TimerPastDue(ILogger logger, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(302, LogLevel.Debug, "Timer '{FunctionName}' occurrence at {Occurrence:O} was fired by another host")]
    public static partial void TimerClaimedElsewhere(ILogger logger, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(303, LogLevel.Warning, "Timer '{FunctionName}' could not claim its occurrence at {Occurrence:O}; skipped")]
    public static partial void TimerClaimFailed(ILogger logger, Exception exception, string functionName, DateTimeOffset occurrence);

    [LoggerMessage(500, LogLevel.Information, "Azurite already answers on 127.0.0.1:10000-10002; using it")]
    public static partial void AzuriteAlreadyRunning(ILogger logger);

    [LoggerMessage(501, LogLevel.Information, "Installing the pinned Azurite in {Folder} (npm ci)")]
    public static partial void AzuriteInstalling(ILogger logger, string folder);

    [LoggerMessage(502, LogLevel.Information, "Started Azurite (pid {ProcessId}) with data in {DataFolder}")]
    public static partial void AzuriteStarted(ILogger logger, int processId, string dataFolder);

    [LoggerMessage(503, LogLevel.Debug, "Azurite: {Line}")]
    public static partial void AzuriteOutput(ILogger logger, string line);

    [LoggerMessage(504, LogLevel.Information, "Stopped Azurite")]
    public static partial void AzuriteStopped(ILogger logger);

    [LoggerMessage(505, LogLevel.Warning, "Deleted local storage data in {DataFolder}")]
    public static partial void LocalDataReset(ILogger logger, string dataFolder);
}
