namespace Serverless.Functions.Timers;

/// <summary>Schedule status in process memory: correct for one process (and for hosts sharing this instance in tests), not across processes.</summary>
internal sealed class InMemoryScheduleMonitor(TimeProvider time) : IScheduleMonitor
{
    private readonly Dictionary<string, ScheduleStatus> _status = new(StringComparer.Ordinal);

    public Task<ScheduleStatus?> GetStatusAsync(string timerName, CancellationToken cancellationToken)
    {
        lock (_status)
        {
            return Task.FromResult(_status.GetValueOrDefault(timerName));
        }
    }

    public Task<bool> TryClaimAsync(string timerName, DateTimeOffset occurrence, DateTimeOffset next, CancellationToken cancellationToken)
    {
        lock (_status)
        {
            if (_status.TryGetValue(timerName, out var status) && status.Last >= occurrence)
            {
                return Task.FromResult(false);
            }

            _status[timerName] = new ScheduleStatus { Last = occurrence, Next = next, LastUpdated = time.GetUtcNow() };
            return Task.FromResult(true);
        }
    }
}
