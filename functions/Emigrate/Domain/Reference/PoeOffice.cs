namespace Emigrate.Domain.Reference;

/// <summary>An office of the Protector of Emigrants.</summary>
/// <param name="Id">Stable id (<c>poe-mumbai</c>): the organisation id on verifier and PoE-officer keys.</param>
/// <param name="Name">Display name.</param>
/// <param name="City">City of the office.</param>
/// <param name="State">Code of the state or UT the office is in.</param>
public sealed record PoeOffice(string Id, string Name, string City, string State);
