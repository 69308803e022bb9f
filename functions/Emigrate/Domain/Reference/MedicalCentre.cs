namespace Emigrate.Domain.Reference;

/// <summary>A medical centre approved for pre-departure medicals (demo data).</summary>
/// <param name="Id">Stable id (<c>mc-lucknow-1</c>): the organisation id on medical-centre keys.</param>
/// <param name="Name">Display name.</param>
/// <param name="City">City, the unit in which applicants choose a centre.</param>
/// <param name="State">Code of the state or UT.</param>
/// <param name="DailyCapacity">Appointments the centre can take per day; bookings never exceed it.</param>
public sealed record MedicalCentre(string Id, string Name, string City, string State, int DailyCapacity);
