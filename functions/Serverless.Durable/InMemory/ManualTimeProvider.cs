namespace Serverless.Durable.InMemory;

/// <summary>A clock that moves only when told to: timer-heavy orchestrations test in milliseconds.</summary>
/// <remarks>
/// Timers created through it (including <c>Task.Delay(…, provider)</c> and the in-memory backend's wake-ups) fire
/// when <see cref="Advance"/> or <see cref="SetUtcNow"/> passes their due time, on the thread pool.
/// </remarks>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly object gate = new();
    private readonly List<ManualTimer> timers = [];
    private DateTimeOffset now;

    /// <summary>Creates a clock.</summary>
    /// <param name="start">The initial time; 2025-01-01T00:00:00Z unless given.</param>
    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        this.now = start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <inheritdoc/>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow()
    {
        lock (this.gate)
        {
            return this.now;
        }
    }

    /// <inheritdoc/>
    public override long GetTimestamp() => this.GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward and fires the timers that became due.</summary>
    /// <param name="delta">How far; not negative.</param>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        lock (this.gate)
        {
            this.now += delta;
        }

        this.FireDue();
    }

    /// <summary>Sets the clock (forward only) and fires the timers that became due.</summary>
    /// <param name="value">The new time.</param>
    public void SetUtcNow(DateTimeOffset value)
    {
        lock (this.gate)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, this.now);
            this.now = value;
        }

        this.FireDue();
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (this.gate)
        {
            this.timers.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            timer.DueAt = this.now + dueTime;
            timer.Period = period;
            this.timers.Add(timer);
        }

        if (dueTime <= TimeSpan.Zero)
        {
            this.FireDue();
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (this.gate)
        {
            this.timers.Remove(timer);
        }
    }

    private void FireDue()
    {
        List<ManualTimer> due;
        lock (this.gate)
        {
            due = [.. this.timers.Where(t => t.DueAt <= this.now).OrderBy(t => t.DueAt)];
            foreach (ManualTimer timer in due)
            {
                this.timers.Remove(timer);
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    timer.DueAt = this.now + timer.Period;
                    this.timers.Add(timer);
                }
            }
        }

        foreach (ManualTimer timer in due)
        {
            // Like real timers, callbacks run on the thread pool, never inside Advance's caller.
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset DueAt { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            owner.Schedule(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => owner.Remove(this);

        public ValueTask DisposeAsync()
        {
            owner.Remove(this);
            return ValueTask.CompletedTask;
        }
    }
}
