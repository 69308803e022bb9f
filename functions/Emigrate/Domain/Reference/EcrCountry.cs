using Emigrate.Domain.Identifiers;

namespace Emigrate.Domain.Reference;

/// <summary>A country for which an ECR passport holder needs emigration clearance.</summary>
/// <param name="Code">ISO 3166-1 alpha-2 code.</param>
/// <param name="Name">English short name.</param>
public sealed record EcrCountry(CountryCode Code, string Name);
