namespace Emigrate.Domain.Registration;

/// <summary>The exact wire strings accepted for the enumerated fields of a registration.</summary>
internal static class Choices
{
    public static readonly IReadOnlyDictionary<string, Gender> Genders = new Dictionary<string, Gender>(StringComparer.Ordinal)
    {
        ["male"] = Gender.Male,
        ["female"] = Gender.Female,
        ["other"] = Gender.Other,
    };

    public static readonly IReadOnlyDictionary<string, Language> Languages = new Dictionary<string, Language>(StringComparer.Ordinal)
    {
        ["en"] = Language.English,
        ["hi"] = Language.Hindi,
    };

    public static readonly IReadOnlyDictionary<string, PassportCategory> PassportCategories = new Dictionary<string, PassportCategory>(StringComparer.Ordinal)
    {
        ["ECR"] = PassportCategory.Ecr,
        ["ECNR"] = PassportCategory.Ecnr,
    };

    public static readonly IReadOnlyDictionary<string, RecruitmentRoute> Routes = new Dictionary<string, RecruitmentRoute>(StringComparer.Ordinal)
    {
        ["agent"] = RecruitmentRoute.Agent,
        ["employer"] = RecruitmentRoute.Employer,
    };
}

/// <summary>The recruitment routes, as read from the wire.</summary>
internal enum RecruitmentRoute
{
    Agent,
    Employer,
}
