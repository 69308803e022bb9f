namespace Emigrate.Import;

/// <summary>What became of one CSV row.</summary>
public enum ImportStatus
{
    /// <summary>A new case was registered (202).</summary>
    Registered,

    /// <summary>That passport already has an open case (409): nothing new, which makes re-runs safe.</summary>
    AlreadyRegistered,

    /// <summary>The server refused the row's fields (400), or the row could not be read.</summary>
    Rejected,

    /// <summary>The server did not answer usefully (5xx, network) after retries; run again later.</summary>
    Failed,
}

/// <summary>The outcome of one row.</summary>
/// <param name="Line">The row's line in the file.</param>
/// <param name="Passport">The row's passport number, masked for the report.</param>
/// <param name="Status">What happened.</param>
/// <param name="CaseId">The case registered or found, when the server said.</param>
/// <param name="Errors">Field errors (<c>passport.number: Must be …</c>) or the failure.</param>
public sealed record ImportOutcome(int Line, string Passport, ImportStatus Status, string? CaseId, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the row needs the operator's attention.</summary>
    public bool NeedsAttention => Status is ImportStatus.Rejected or ImportStatus.Failed;

    /// <summary>How the row reads in the report and on the console.</summary>
    public string Describe() => Status switch
    {
        ImportStatus.Registered => $"registered (case id {CaseId ?? "?"})",
        ImportStatus.AlreadyRegistered => $"already registered (case id {CaseId ?? "?"})",
        ImportStatus.Rejected => "rejected: " + string.Join("; ", Errors),
        _ => "failed: " + string.Join("; ", Errors),
    };
}
