namespace Emigrate.Orchestrations;

/// <summary>The external event of a case.</summary>
/// <remarks>
/// The portal raises every event on the case orchestration (instance id = case id), which lives as long as the
/// case is open; it forwards events to the phase running at the time (<see cref="CaseInbox"/>). Raising on a
/// phase directly lost events: a phase that did not exist yet, or had just ended, drops them.
/// </remarks>
public static class CaseEvents
{
    /// <summary>The external event name every case orchestration waits on.</summary>
    public const string Name = "CaseEvent";
}
