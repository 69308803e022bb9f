using Serverless.Durable.History;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>How long an instance with no step and no activity call out stays counted as active.</summary>
    private static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(1);

    // Guarded by the dispatch lock (gate).
    private readonly Queue<InstanceSession> admissions = new();
    private int activeInstances;
    private long lastSweep;

    /// <summary>The number of instances this process counts as active now (for tests and traces).</summary>
    internal int ActiveInstances
    {
        get
        {
            lock (this.gate)
            {
                return this.activeInstances;
            }
        }
    }

    /// <summary>Whether a session about to be readied must wait for admission instead; if so, it is queued for it.</summary>
    /// <remarks>
    /// Only new top-level instances wait: every message to an active instance, and every sub-orchestration start (a
    /// parent waits on it), goes straight on. Finishing the instances in flight first keeps the queues shallow (each
    /// unfinished instance holds a message) and completes instances in order rather than all of them late.
    /// </remarks>
    private bool WaitForAdmissionLocked(InstanceSession session)
    {
        if (session.Active || session.Record is not null || this.activeInstances < this.options.MaxActiveInstances ||
            !session.Pending.TrueForAll(m => m.Message.Event is ExecutionStartedEvent { Parent: null }))
        {
            return false;
        }

        this.SweepIdleLocked();
        if (this.activeInstances < this.options.MaxActiveInstances)
        {
            return false;
        }

        session.Waiting = true;
        session.WaitingSince = Environment.TickCount64;
        this.admissions.Enqueue(session);
        return true;
    }

    /// <summary>Admits waiting sessions while there is room, and any that waited too long; returns them to be readied.</summary>
    private List<InstanceSession>? AdmitLocked()
    {
        if (this.admissions.Count == 0)
        {
            return null;
        }

        this.SweepIdleLocked();
        long overdue = Environment.TickCount64 - (long)this.MaxAdmissionWait.TotalMilliseconds;
        List<InstanceSession>? admitted = null;
        while (this.admissions.TryPeek(out InstanceSession? next) &&
            (!next.Waiting || this.activeInstances < this.options.MaxActiveInstances || next.WaitingSince < overdue))
        {
            this.admissions.Dequeue();
            if (!next.Waiting)
            {
                continue;
            }

            next.Waiting = false;
            this.ActivateLocked(next);
            (admitted ??= []).Add(next);
        }

        return admitted;
    }

    /// <summary>Held start messages stay locked in the queue: admit them well before the lock would run out.</summary>
    private TimeSpan MaxAdmissionWait => this.options.OrchestrationLockTimeout / 4;

    private void ActivateLocked(InstanceSession session)
    {
        if (!session.Active)
        {
            session.Active = true;
            this.activeInstances++;
        }
    }

    private void DeactivateLocked(InstanceSession session)
    {
        if (session.Active)
        {
            session.Active = false;
            this.activeInstances--;
        }

        session.Waiting = false;
    }

    /// <summary>Stops counting instances that wait on something slow (a timer, an event, another instance): they hold no queue message of ours.</summary>
    private void SweepIdleLocked()
    {
        long now = Environment.TickCount64;
        if (now - this.lastSweep < 50)
        {
            return;
        }

        this.lastSweep = now;
        long idle = now - (long)IdleAfter.TotalMilliseconds;
        foreach (InstanceSession session in this.sessions.Values)
        {
            if (session.Active && !session.InFlight && session.Pending.Count == 0 && session.OutstandingActivities == 0 && session.LastUsed < idle)
            {
                this.DeactivateLocked(session);
            }
        }
    }

    /// <summary>Readies sessions outside the lock.</summary>
    private void Ready(List<InstanceSession>? sessions)
    {
        foreach (InstanceSession session in sessions ?? [])
        {
            this.ready.Writer.TryWrite(session);
        }
    }
}
