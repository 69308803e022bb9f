using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Data.Cases;

/// <summary>What the SMS side needs to know about a case.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="Mobile">The applicant's registered mobile.</param>
/// <param name="Language">The applicant's preferred language.</param>
/// <param name="Stage">The current stage.</param>
/// <param name="PoeOffice">The id of the PoE office of the case's jurisdiction.</param>
/// <param name="CscId">The CSC that registered the case.</param>
/// <param name="RegisteredAt">When it was registered.</param>
public sealed record CaseSummary(CaseId CaseId, MobileNumber Mobile, Language Language, CaseStage Stage, string PoeOffice, string CscId, DateTimeOffset RegisteredAt);
