using Microsoft.Extensions.Logging;

namespace Emigrate.Orchestrations;

/// <summary>Log messages of the case orchestrations.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message = "Case {CaseId}: {Activity} failed; the case goes on without it")]
    public static partial void NotificationFailed(ILogger logger, Exception exception, string caseId, string activity);
}
