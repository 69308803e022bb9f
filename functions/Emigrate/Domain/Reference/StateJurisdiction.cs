using System.Text.Json.Serialization;

namespace Emigrate.Domain.Reference;

/// <summary>A state or union territory and the PoE office that serves its applicants.</summary>
/// <param name="Code">Two-letter code as in ISO 3166-2:IN (and vehicle registration), e.g. <c>UP</c>.</param>
/// <param name="Name">English name.</param>
/// <param name="Kind">State or union territory.</param>
/// <param name="PoeOffice">Id of the office for the whole state, unless a district says otherwise.</param>
public sealed record StateJurisdiction(string Code, string Name, StateKind Kind, string PoeOffice)
{
    /// <summary>Other names and codes people use: former ISO codes (<c>OR</c>), old names (<c>Orissa</c>).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Districts served by another office than <see cref="PoeOffice"/>.</summary>
    public IReadOnlyList<DistrictJurisdiction> Districts { get; init; } = [];

    /// <summary>The office for an applicant of this state living in <paramref name="district"/>.</summary>
    public string PoeOfficeFor(string? district)
    {
        if (string.IsNullOrWhiteSpace(district))
        {
            return PoeOffice;
        }

        var key = NameKey.Of(district);
        return Districts.FirstOrDefault(d => d.Names.Any(n => NameKey.Of(n) == key))?.PoeOffice ?? PoeOffice;
    }
}

/// <summary>A district served by a different office than the rest of its state.</summary>
/// <param name="Names">The district's name and its common alternative spellings.</param>
/// <param name="PoeOffice">Id of the office serving it.</param>
public sealed record DistrictJurisdiction(IReadOnlyList<string> Names, string PoeOffice);

/// <summary>Whether a region is a state or a union territory.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StateKind>))]
public enum StateKind
{
    /// <summary>A state.</summary>
    [JsonStringEnumMemberName("state")]
    State,

    /// <summary>A union territory.</summary>
    [JsonStringEnumMemberName("unionTerritory")]
    UnionTerritory,
}
