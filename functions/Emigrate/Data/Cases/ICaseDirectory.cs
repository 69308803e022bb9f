using Emigrate.Domain.Identifiers;

namespace Emigrate.Data.Cases;

/// <summary>Point lookups of cases for the SMS side: by id, and the latest case of a mobile. Each is one partition read, never a scan.</summary>
public interface ICaseDirectory
{
    /// <summary>The case, or <see langword="null"/> when there is none.</summary>
    Task<CaseSummary?> GetAsync(CaseId caseId, CancellationToken cancellationToken);

    /// <summary>The most recently registered case of the mobile, or <see langword="null"/>.</summary>
    Task<CaseSummary?> FindLatestByMobileAsync(MobileNumber mobile, CancellationToken cancellationToken);
}
