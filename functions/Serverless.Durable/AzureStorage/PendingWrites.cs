using Serverless.Durable.Backend;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// Write-behind for one instance (<see cref="AzureStorageOrchestrationOptions.MergeSteps"/>): steps committed in memory
/// whose instance-row write has not landed yet, and the record the next write is conditional on.
/// </summary>
/// <remarks>
/// One writer per instance: while one write is under way, the steps that run meanwhile queue here and the next write
/// carries them all. Guarded by the backend's dispatch lock.
/// </remarks>
internal sealed class PendingWrites(InstanceRecord? landed)
{
    /// <summary>The last record that landed (or was read): the base of the next write and its ETag condition.</summary>
    public InstanceRecord? Landed { get; set; } = landed;

    /// <summary>Steps waiting for the next write, oldest first.</summary>
    public List<MergedStep> Queued { get; } = [];

    /// <summary>Whether the queued steps should be written now rather than wait for more (see <see cref="AzureStorageOrchestrationOptions.MaxMergeDelay"/>).</summary>
    public bool Due { get; set; }

    /// <summary>When the oldest queued step was queued (<see cref="Environment.TickCount64"/>).</summary>
    public long FirstQueuedAt { get; set; }

    /// <summary>Set when <see cref="Due"/> turns true, to wake a writer waiting for more steps.</summary>
    public TaskCompletionSource? Wake { get; set; }

    /// <summary>Whether a write failed: every speculative step of this batch was dropped and the session evicted.</summary>
    public bool Failed { get; set; }

    /// <summary>Completes when the writer has nothing left to write (landed or dropped).</summary>
    public TaskCompletionSource Drained { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One step in a pending write: its commit, its encoded outbox and the messages it consumed.</summary>
/// <param name="Commit">The step's commit.</param>
/// <param name="Outbox">Its outbound messages (activity calls excluded: they run in process).</param>
/// <param name="Messages">The messages it consumed.</param>
/// <param name="Landed">Completed when the write covering the step landed and its outbox went out; <see langword="null"/> for a step that did not wait (speculative).</param>
internal sealed record MergedStep(OrchestrationCommit Commit, List<OutboxMessage> Outbox, List<InboundMessage> Messages, TaskCompletionSource? Landed)
{
    /// <summary>Whether the step consumed a control-queue message (deleted only after the write and the sends).</summary>
    public bool FromQueue => this.Messages.Any(m => m.Receipt is not null);

    /// <summary>Whether the step changes the row at all.</summary>
    public bool Changes => this.Commit.NewState is not null || this.Commit.NewEvents.Count > 0 || this.Commit.ReplacesHistory;
}
