using NCrontab;

namespace Serverless.Functions.Timers;

/// <summary>A parsed six-field NCRONTAB schedule, evaluated in UTC.</summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule _schedule;

    private TimerSchedule(CrontabSchedule schedule, string expression)
    {
        _schedule = schedule;
        Expression = expression;
    }

    public string Expression { get; }

    /// <summary>Parses a six-field expression (with seconds); <see langword="null"/> and an error when it is not one.</summary>
    public static TimerSchedule? TryParse(string expression, out string? error)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            error = $"schedule '{expression}' has {fields.Length} fields; six are required ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).";
            return null;
        }

        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        error = parsed is null ? $"schedule '{expression}' is not a valid NCRONTAB expression." : null;
        return parsed is null ? null : new TimerSchedule(parsed, expression);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        new(DateTime.SpecifyKind(_schedule.GetNextOccurrence(after.UtcDateTime), DateTimeKind.Utc));
}
