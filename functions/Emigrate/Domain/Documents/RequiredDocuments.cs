using Emigrate.Domain.Registration;

namespace Emigrate.Domain.Documents;

/// <summary>Which documents an applicant must provide, and may provide.</summary>
public static class RequiredDocuments
{
    private static readonly DocumentType[] Always =
        [DocumentType.Passport, DocumentType.Visa, DocumentType.EmploymentContract, DocumentType.Photograph];

    /// <summary>
    /// Passport, visa, employment contract and photograph; a demand letter when recruited through an agent; an
    /// Aadhaar copy when an Aadhaar number was given.
    /// </summary>
    public static IReadOnlyList<DocumentType> For(Applicant applicant)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        return For(applicant.Recruitment, hasAadhaar: applicant.Aadhaar is not null);
    }

    /// <summary>The required documents for a recruitment route, with or without Aadhaar.</summary>
    public static IReadOnlyList<DocumentType> For(Recruitment recruitment, bool hasAadhaar)
    {
        var required = new List<DocumentType>(Always);
        if (recruitment is AgentRecruitment)
        {
            required.Add(DocumentType.DemandLetter);
        }

        if (hasAadhaar)
        {
            required.Add(DocumentType.Aadhaar);
        }

        return required;
    }

    /// <summary>
    /// Whether an upload of <paramref name="type"/> belongs to this applicant's case. Documents that are not
    /// required are refused: in particular we never take an Aadhaar copy nobody asked for.
    /// </summary>
    public static bool Applies(DocumentType type, Applicant applicant) => For(applicant).Contains(type);
}
