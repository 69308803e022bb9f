using Serverless.Durable.Backend;

namespace Serverless.Durable.AzureStorage;

/// <summary>
/// An activity call held by this process: received from the work-item queue (its queue message invisible until it is
/// deleted or handed back), or handed over in memory by the commit that scheduled it (no queue message).
/// </summary>
/// <param name="message">The call.</param>
/// <param name="receipt">Its queue message; <see langword="null"/> for a call handed over in memory.</param>
/// <param name="payloadBlob">Its payload blob, if large.</param>
/// <param name="text">Its queue text; <see langword="null"/> for a call handed over in memory.</param>
/// <remarks>
/// The hold is renewed while it lasts (see <c>AzureStorageOrchestrationBackend.Renewal.cs</c>), and a renewal changes
/// the pop receipt: ending the hold waits for a renewal under way, so the delete uses the latest receipt.
/// </remarks>
/// <param name="hiddenAt">When the receive that hid it was sent (<see cref="Environment.TickCount64"/>): its invisibility counts from then.</param>
internal sealed class ActivityDelivery(TaskMessage message, QueueReceipt? receipt, string? payloadBlob, string? text, long hiddenAt)
{
    public TaskMessage Message { get; } = message;

    public string? PayloadBlob { get; } = payloadBlob;

    public string? Text { get; } = text;

    /// <summary>Whether the call was handed over in memory: nothing to renew, delete or hand back in a queue.</summary>
    public bool Local => this.Receipt is null;

    /// <summary>Guards <see cref="Ended"/> and <see cref="Renewal"/>.</summary>
    public object Sync { get; } = new();

    /// <summary>The latest receipt (renewals replace the pop receipt).</summary>
    public QueueReceipt? Receipt { get; set; } = receipt;

    /// <summary>When the message's invisibility was last set (<see cref="Environment.TickCount64"/>).</summary>
    public long RenewedAt { get; set; } = hiddenAt;

    /// <summary>Whether the hold has ended (deleted or handed back): no more renewals.</summary>
    public bool Ended { get; set; }

    /// <summary>The renewal under way, if any.</summary>
    public Task? Renewal { get; set; }
}
