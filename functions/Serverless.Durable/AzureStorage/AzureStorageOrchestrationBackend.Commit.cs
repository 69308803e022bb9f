using Azure;
using Serverless.Durable.Backend;
using Serverless.Durable.History;
using Serverless.Storage.Tables;

namespace Serverless.Durable.AzureStorage;

public sealed partial class AzureStorageOrchestrationBackend
{
    /// <summary>Commits a step. The instance row, written last and conditional on its ETag, is the commit point.</summary>
    /// <remarks>
    /// <list type="number">
    /// <item>If a message the previous commit consumed came back, that commit's outbox is sent again (its committer may have died before sending it).</item>
    /// <item>Payload blobs are uploaded under fresh names, and (when the row's tail of history overflows) history rows are
    /// upserted past the committed row count. Nothing reads either until the row refers to them, and a failed writer's
    /// rows are overwritten by the next flush.</item>
    /// <item>A status change writes the new status's index row (so queries never miss the instance).</item>
    /// <item>The instance row is written, conditional on the ETag the step was read at: state, history tail and count,
    /// this step's outbox and the ids of the messages it consumed. A 409/412 from a retried request of this very write is
    /// recognised by its commit id. Any other conflict is <see cref="WorkItemLockLostException"/>: nothing was committed.</item>
    /// <item>The outbox is sent, then the consumed messages are deleted (poison ones copied to the poison queue first).
    /// A crash in between redelivers consumed messages, whose ids make the next step re-send the outbox.</item>
    /// </list>
    /// </remarks>
    /// <returns>What is left once the lock is released: deleting the consumed messages and the old index row (off the step's critical path).</returns>
    private async Task<Func<Task>> CommitAsync(LockedInstance locked, OrchestrationCommit commit, CancellationToken cancellationToken)
    {
        InstanceRecord? record = locked.Record;
        string instanceId = locked.Session.InstanceId;
        bool inProcess = this.options.RunActivitiesInPartitionOwner;
        if (record is { OutboxSent: false } && locked.Messages.Any(m => record.OutboxFor.Contains(m.Message.MessageId)))
        {
            await this.ResendAsync(locked.Session, record, inProcess, cancellationToken);
        }

        List<OutboxMessage> outbox = await this.EncodeOutboxAsync(commit, inProcess, cancellationToken);
        OrchestrationRuntimeStatus? leftStatus = null;
        InstanceRecord? written = null;
        if (commit.NewState is not null || commit.NewEvents.Count > 0 || commit.ReplacesHistory)
        {
            // A process that takes the partition over must find the calls this commit schedules, and its outbox if it dies
            // before sending it. When the step consumed a queue message, that message is deleted only after the sends, and
            // its coming back makes the next owner send the outbox and run the calls (see ResendAsync): the row may then be
            // written beside the commit. A step that consumed only outcomes handed over in memory has nothing that comes
            // back, so the in-flight row (still there: those calls were unanswered until now) is what the next owner reads.
            bool fromQueue = locked.Messages.Any(m => m.Receipt is not null);
            bool needsRow = inProcess && (commit.ActivityMessages.Count > 0 || (outbox.Count > 0 && !fromQueue));
            Task inFlightRow = needsRow ? this.WriteInFlightRowAsync(locked.Session, cancellationToken) : Task.CompletedTask;
            if (!fromQueue)
            {
                await inFlightRow;
            }

            // Both awaited whatever happens (the row's write first, so its lock-lost answer is the one thrown).
            HashSet<string> consumed = [.. locked.Messages.Select(m => m.Message.MessageId)];
            Task<InstanceRecord> write = this.WriteInstanceAsync(locked.Session.InstanceId, record, commit, outbox, consumed, cancellationToken);
            await Task.WhenAll(write, inFlightRow);
            written = await write;
            lock (this.gate)
            {
                locked.Session.Record = written;
                locked.Session.OutstandingActivities += commit.ActivityMessages.Count;
            }

            locked.Written = written.State;

            this.CleanUpAfter(record, written);
            if (record is not null && record.State.Status != written.State.Status)
            {
                leftStatus = record.State.Status;
            }
        }

        if (inProcess && written is not null)
        {
            this.DispatchInProcess(commit.ActivityMessages, dequeueCount: 1);
        }

        await this.SendOutboxAsync(outbox, cancellationToken);
        if (written is not null)
        {
            // Re-sending is for a committer that died before sending; this one did not, so duplicates need no re-send.
            written.OutboxSent = true;
        }

        await this.CopyToPoisonAsync(locked.Messages, commit.PoisonMessages, cancellationToken);
        if (locked.Written is { } state)
        {
            this.StateWritten(state);
        }

        // Decided before the lock is released: the instance's next step must see whether the row is still there.
        Func<Task>? clearInFlightRow = inProcess && written is not null ? this.ReleaseInFlightRowIfAnswered(locked.Session, written) : null;

        return this.AfterSends(instanceId, locked.Messages, leftStatus, clearInFlightRow);
    }

    /// <summary>
    /// What follows a commit once its outbox is out, off the step's critical path: deleting the consumed messages (only
    /// now: until then, their coming back is what re-sends the outbox), the index row of the status it left, and the
    /// in-flight row when no call is left unanswered.
    /// </summary>
    private Func<Task> AfterSends(string instanceId, List<InboundMessage> consumed, OrchestrationRuntimeStatus? leftStatus, Func<Task>? clearInFlightRow) =>
        async () =>
        {
            await this.ConsumeAsync(consumed);
            if (leftStatus is { } status)
            {
                await this.store.DeleteIndexAsync(instanceId, status, CancellationToken.None);
            }

            if (clearInFlightRow is not null)
            {
                await clearInFlightRow();
            }
        };

    /// <summary>A message the instance's last commit consumed came back, so that commit's committer may have died before its sends: they are made again.</summary>
    /// <remarks>Its outbox is sent again and, when <paramref name="rerunCalls"/> (calls run in process), its unanswered calls are run here (the in-flight row written first).</remarks>
    private async Task ResendAsync(InstanceSession session, InstanceRecord record, bool rerunCalls, CancellationToken cancellationToken)
    {
        if (record.Outbox.Count > 0)
        {
            Log.OutboxResent(this.logger, session.InstanceId);
            await this.SendOutboxAsync(record.Outbox, cancellationToken);
        }

        if (rerunCalls && UnansweredCalls(record) is { Count: > 0 } calls)
        {
            await this.WriteInFlightRowAsync(session, cancellationToken);
            this.DispatchAgain(session, calls, dequeueCount: 2);
        }

        record.OutboxSent = true;
    }

    /// <summary>Writes the instance row over <paramref name="record"/> (conditional on its ETag), with history rows, payload blobs and index rows first.</summary>
    private async Task<InstanceRecord> WriteInstanceAsync(
        string instanceId, InstanceRecord? record, OrchestrationCommit commit, List<OutboxMessage> outbox, HashSet<string> consumed, CancellationToken cancellationToken)
    {
        OrchestrationState state = commit.NewState ?? record?.State
            ?? throw new InvalidOperationException($"A commit appends history to instance '{instanceId}', which has no state.");
        string commitId = Guid.NewGuid().ToString("N");

        bool replace = commit.ReplacesHistory || record is null;
        List<string> entries = [.. replace ? [] : record!.Tail, .. await this.store.ToEntriesAsync(instanceId, commit.NewEvents, cancellationToken)];
        int rows = replace ? 0 : record!.HistoryRows;
        List<string> tail = entries;
        if (entries.Sum(e => e.Length + 1) + 2 > this.options.MaxInlinePropertyChars)
        {
            // The tail no longer fits the row: move it (with this step's events) to history rows past the committed count.
            List<string> texts = this.store.ToRowTexts(entries);
            await this.store.WriteHistoryRowsAsync(instanceId, state.ExecutionId, rows, texts, cancellationToken);
            rows += texts.Count;
            tail = [];
        }

        int indexed = record?.IndexedStatuses ?? 0;
        if (record?.State.Status != state.Status)
        {
            // An instance without a row (a sub-orchestration) is created by this commit: its name and creation-day rows too.
            await Task.WhenAll(
                this.store.UpsertIndexAsync(state, cancellationToken),
                record is null ? this.store.UpsertLookupIndexesAsync(state, cancellationToken) : Task.CompletedTask);
            indexed |= InstanceRecord.Bit(state.Status);
        }

        (TableEntity row, Dictionary<string, string> blobs) = await this.store.BuildRowAsync(new InstanceRowContent(state, rows, tail, outbox, consumed, indexed, commitId), record, cancellationToken);
        ETag etag = await this.store.WriteRowAsync(row, record?.ETag, commitId, cancellationToken);
        return new InstanceRecord
        {
            InstanceId = instanceId,
            State = state,
            ETag = etag,
            History = replace ? commit.NewEvents : [.. record!.History, .. commit.NewEvents],
            HistoryRows = rows,
            Tail = tail,
            Outbox = outbox,
            OutboxFor = consumed,
            IndexedStatuses = indexed,
            CommitId = commitId,
            Blobs = blobs,
        };
    }

    /// <summary>The step's outbound messages as queue texts (large ones uploaded to blobs); activity calls only when they go through the work-item queue.</summary>
    private async Task<List<OutboxMessage>> EncodeOutboxAsync(OrchestrationCommit commit, bool activitiesInProcess, CancellationToken cancellationToken)
    {
        var messages = new List<(bool Activity, TaskMessage Message)>(commit.ActivityMessages.Count + commit.OrchestrationMessages.Count);
        if (!activitiesInProcess)
        {
            messages.AddRange(commit.ActivityMessages.Select(m => (true, m)));
        }

        messages.AddRange(commit.OrchestrationMessages.Select(m => (false, m)));
        var outbox = new OutboxMessage[messages.Count];
        await Parallel.ForAsync(0, messages.Count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            (bool activity, TaskMessage message) = messages[i];
            outbox[i] = new OutboxMessage(activity, message.InstanceId, await this.codec.EncodeAsync(message, ct), message.VisibleAt)
            {
                Timer = message.Event is TimerFiredEvent,
            };
        });
        return [.. outbox];
    }

    /// <summary>Sends an outbox: activity calls to the work-item queue, the rest to their instances' control queues.</summary>
    private async Task SendOutboxAsync(IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(outbox, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (message, ct) =>
        {
            if (message.Activity)
            {
                await this.SendActivityAsync(message.Text, message.VisibleAt, ct);
            }
            else
            {
                QueueReceipt? delayed = await this.SendToInstanceAsync(message.InstanceId, message.Text, message.VisibleAt, ct);
                if (message.Timer && delayed is not null)
                {
                    this.pendingTimers.Track(message.InstanceId, delayed);
                }
            }
        });

    /// <summary>Copies the step's poison messages to the poison queue, before they are deleted.</summary>
    private async Task CopyToPoisonAsync(List<InboundMessage> messages, IReadOnlyList<TaskMessage> poison, CancellationToken cancellationToken)
    {
        var poisoned = new HashSet<TaskMessage>(poison, ReferenceEqualityComparer.Instance);
        foreach (TaskMessage message in messages.Select(m => m.Message).Where(poisoned.Contains))
        {
            var envelope = new MessageEnvelope(message.MessageId, message.InstanceId, message.ExecutionId, message.Event, message.VisibleAt, null) { DequeueCount = message.DequeueCount };
            await this.SendPoisonAsync(envelope, cancellationToken);
        }
    }

    /// <summary>Deletes the consumed messages and their payload blobs.</summary>
    private async Task ConsumeAsync(List<InboundMessage> messages)
    {
        await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (inbound, _) =>
        {
            try
            {
                if (inbound.Receipt is { } receipt)
                {
                    await DeleteQuietlyAsync(receipt);
                }

                if (inbound.LocalOrigin is { } origin)
                {
                    await this.DeleteActivityAsync(origin);
                }

                if (inbound.PayloadBlob is { } blob)
                {
                    await this.store.Payloads.DeleteAsync(blob, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                // It comes back when its lock expires; the engine drops the duplicate.
                Log.ReleaseFailed(this.logger, inbound.Message.MessageId, inbound.Message.InstanceId, ex);
            }
        });
    }

    /// <summary>Copies a message to the poison queue, in a blob when it is too large for the queue.</summary>
    private async Task SendPoisonAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        string text = StoredJson.Serialize(envelope);
        if (text.Length > this.options.MaxInlineMessageChars)
        {
            string blob = PayloadStore.NewName(envelope.InstanceId, "poison");
            await this.store.Payloads.UploadAsync(blob, text, cancellationToken);
            text = StoredJson.Serialize(envelope with { Event = null, Blob = blob });
        }

        await this.storage.Poison.SendMessageAsync(text, null, Timeout.InfiniteTimeSpan, cancellationToken);
    }

    /// <summary>In the background: deletes payload blobs the new row no longer refers to, and the history rows of a replaced execution.</summary>
    private void CleanUpAfter(InstanceRecord? previous, InstanceRecord written)
    {
        if (previous is null)
        {
            return;
        }

        List<string> stale = [.. previous.Blobs.Values.Except(written.Blobs.Values, StringComparer.Ordinal)];
        bool oldRows = previous.HistoryRows > 0 && previous.State.ExecutionId != written.State.ExecutionId;
        if (stale.Count == 0 && !oldRows)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (string blob in stale)
                {
                    await this.store.Payloads.DeleteAsync(blob, CancellationToken.None);
                }

                if (oldRows)
                {
                    await this.store.DeleteHistoryAsync(written.InstanceId, previous.State.ExecutionId, CancellationToken.None);
                }
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException)
            {
                Log.CleanupFailed(this.logger, written.InstanceId, ex);
            }
        });
    }
}
