namespace Emigrate.Domain.Reference;

/// <summary>An insurer issuing Pravasi Bharatiya Bima Yojana policies (demo data).</summary>
/// <param name="Id">Stable id (<c>ins-sagar</c>): the organisation id on insurer keys.</param>
/// <param name="Name">Display name.</param>
public sealed record Insurer(string Id, string Name);
