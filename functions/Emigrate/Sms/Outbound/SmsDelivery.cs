namespace Emigrate.Sms.Outbound;

/// <summary>Where a message in the outbox stands (<see cref="OutboxEntry.DeliveryState"/>).</summary>
public static class SmsDeliveryStates
{
    /// <summary>Recorded only: the local sender, or a reply the webhook answered in its response.</summary>
    public const string Recorded = "recorded";

    /// <summary>Recorded, being handed to the gateway (or the process stopped before it knew the outcome).</summary>
    public const string Pending = "pending";

    /// <summary>The gateway accepted it.</summary>
    public const string Sent = "sent";

    /// <summary>The gateway kept failing (5xx, 429, timeouts) through every attempt; a later call retries it.</summary>
    public const string Failed = "failed";

    /// <summary>The gateway refused it (4xx), or it had no DLT template id; retrying the same request will not help.</summary>
    public const string Rejected = "rejected";
}

/// <summary>What handing one message to the gateway came to.</summary>
/// <param name="State">One of <see cref="SmsDeliveryStates"/>: sent, failed or rejected.</param>
/// <param name="Attempts">HTTP attempts made.</param>
/// <param name="GatewayMessageId">The gateway's id for the message, when it gave one.</param>
/// <param name="Detail">Why it failed (status code or error kind); never the number or the text.</param>
public sealed record SmsDelivery(string State, int Attempts, string? GatewayMessageId, string? Detail)
{
    /// <summary>Whether the gateway accepted it.</summary>
    public bool Succeeded => State == SmsDeliveryStates.Sent;
}

/// <summary>The gateway did not accept a message; the outbox row says why.</summary>
public sealed class SmsGatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SmsGatewayException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SmsGatewayException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SmsGatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
