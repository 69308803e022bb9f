using System.Text.Json.Serialization;

namespace Emigrate.Domain.Registration;

/// <summary>How the applicant was recruited: through a registered recruiting agent or directly by a foreign employer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "route")]
[JsonDerivedType(typeof(AgentRecruitment), "agent")]
[JsonDerivedType(typeof(EmployerRecruitment), "employer")]
public abstract record Recruitment
{
    private protected Recruitment()
    {
    }
}

/// <summary>Recruited through a recruiting agent registered with the PGE.</summary>
/// <param name="AgentRegistrationNumber">The agent's registration certificate number, upper-cased.</param>
public sealed record AgentRecruitment(string AgentRegistrationNumber) : Recruitment;

/// <summary>Recruited directly by a foreign employer registered on eMigrate.</summary>
/// <param name="JobId">The employer's job id.</param>
public sealed record EmployerRecruitment(string JobId) : Recruitment;
