namespace Serverless.Storage.Queues.Models;

/// <summary>What the service returns for an updated message: the receipt that now owns it and when it next shows.</summary>
public sealed class UpdateReceipt
{
    internal UpdateReceipt(string popReceipt, DateTimeOffset nextVisibleOn)
    {
        PopReceipt = popReceipt;
        NextVisibleOn = nextVisibleOn;
    }

    /// <summary>The new pop receipt; the one used for the update is no longer valid.</summary>
    public string PopReceipt { get; }

    /// <summary>When the message becomes visible again.</summary>
    public DateTimeOffset NextVisibleOn { get; }
}
