using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Privacy;

namespace Emigrate.Domain.Registration;

/// <summary>The applicant's Indian address.</summary>
/// <param name="Line1">House, street, village.</param>
/// <param name="District">District, which can decide the PoE office (see the jurisdiction data).</param>
/// <param name="State">Two-letter code of the state or UT (<c>UP</c>), resolved from what was typed.</param>
/// <param name="PinCode">PIN code.</param>
public sealed record Address(string Line1, string District, string State, PinCode PinCode)
{
    /// <summary>District, state and PIN only: the street line is personal data.</summary>
    public override string ToString() => $"{LogMask.Name(Line1)}, {District}, {State} {PinCode}";
}
