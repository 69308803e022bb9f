using Emigrate.Domain.Cases;
using Emigrate.Sms;
using Serverless.Durable;

namespace Emigrate.Orchestrations;

/// <summary>The input of one documents phase.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="AfterClearanceSendBack">Whether the PoE sent the case back (stage clearanceSentBack) rather than this being the first round.</param>
/// <param name="Due">When the phase expires the case.</param>
/// <param name="Round">Which documents phase of the case this is (1 first).</param>
public sealed record DocumentsInput(string CaseId, bool AfterClearanceSendBack, DateTimeOffset Due, int Round);

/// <summary>
/// The documents phase as a sub-orchestration: waits until every required document is approved, following
/// send-back rounds, until the deadline or a withdrawal.
/// </summary>
/// <remarks>
/// Uploads and reviews are written to the documents table by the portal before the event is raised, so the phase
/// re-reads the table (an activity) after every event and on start: what an event announced is never missed, even
/// one raised before the phase existed. The case orchestration records the stage that opens the phase.
/// </remarks>
public static class DocumentsOrchestration
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "CaseDocuments";

    /// <summary>The instance id of a case's documents phase.</summary>
    public static string InstanceId(string caseId, int round) => $"{caseId}-documents-{round}";

    /// <summary>Runs the phase.</summary>
    public static async Task<PhaseOutcome> RunAsync(TaskOrchestrationContext context, DocumentsInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var steps = new CaseSteps(context, input.CaseId);
        var inbox = new CaseInbox(context);
        string occurrence = $"r{input.Round}";
        CaseStage current = input.AfterClearanceSendBack ? CaseStage.ClearanceSentBack : CaseStage.AwaitingDocuments;
        steps.ShowStatus(current);
        await steps.ScheduleReminderAsync(ReminderReason.DocumentsPending, occurrence, input.Due.AddDays(-7));
        int remindedRounds = 0;

        while (true)
        {
            DocumentsStatus status = await context.CallActivityAsync<DocumentsStatus>(CaseActivityNames.GetDocumentsStatus, input.CaseId);
            if (status.AllApproved)
            {
                await steps.CancelReminderAsync(ReminderReason.DocumentsPending);
                await steps.CancelReminderAsync(ReminderReason.DocumentsSentBack);

                // After a PoE send-back the parent decides where the case goes (insured, or a new medical).
                if (!input.AfterClearanceSendBack)
                {
                    // Re-upload and approval both landed between two reads: the re-upload still happened, and the
                    // stage table has no shortcut from documentsSentBack.
                    if (current == CaseStage.DocumentsSentBack)
                    {
                        await steps.RecordAsync(CaseStage.AwaitingDocuments, "Sent-back documents uploaded again.");
                    }

                    await steps.RecordAsync(CaseStage.DocumentsVerified);
                }

                return new PhaseOutcome(CaseStage.DocumentsVerified, LastSequence: inbox.LastSequence);
            }

            if (!input.AfterClearanceSendBack)
            {
                CaseStage wanted = status.SentBack.Count > 0 ? CaseStage.DocumentsSentBack : CaseStage.AwaitingDocuments;
                if (wanted != current)
                {
                    current = wanted;
                    await steps.RecordAsync(current);
                }
            }

            if (status.SentBack.Count > 0 && status.SendBackRounds > remindedRounds)
            {
                remindedRounds = status.SendBackRounds;
                await steps.ScheduleReminderAsync(ReminderReason.DocumentsSentBack, $"{occurrence}s{remindedRounds}", steps.Now);
            }

            CaseEvent? received = await inbox.NextAsync(input.Due, CaseEventKind.DocumentUploaded, CaseEventKind.DocumentReviewed);
            if (received is null || received.Kind == CaseEventKind.Withdraw)
            {
                await steps.CancelReminderAsync(ReminderReason.DocumentsPending);
                await steps.CancelReminderAsync(ReminderReason.DocumentsSentBack);
                CaseStage end = received is null ? CaseStage.Expired : CaseStage.Withdrawn;
                await steps.RecordAsync(end, received is null ? "Documents were not complete by the deadline." : received.Reason);
                return new PhaseOutcome(end, LastSequence: inbox.LastSequence);
            }
        }
    }
}
