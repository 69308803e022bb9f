using System.Text.Json.Nodes;
using Emigrate.Domain.Documents;
using Emigrate.Domain.Registration;
using static Emigrate.Tests.Domain.Registration.RegistrationFixture;

namespace Emigrate.Tests.Domain.Documents;

public sealed class RequiredDocumentsTests
{
    [Fact]
    public void Applicant_recruited_by_an_agent_with_aadhaar_needs_all_six_documents()
    {
        var applicant = Validate(ValidBody()).Applicant!;

        Assert.Equal(
            [DocumentType.Passport, DocumentType.Visa, DocumentType.EmploymentContract, DocumentType.Photograph, DocumentType.DemandLetter, DocumentType.Aadhaar],
            RequiredDocuments.For(applicant));
    }

    [Fact]
    public void Demand_letter_is_needed_only_via_an_agent_and_aadhaar_only_if_given()
    {
        var body = ValidBody().Without("aadhaar").With("recruitment", new JsonObject { ["route"] = "employer", ["jobId"] = "JOB-7" });
        var applicant = Validate(body).Applicant!;

        Assert.Equal(
            [DocumentType.Passport, DocumentType.Visa, DocumentType.EmploymentContract, DocumentType.Photograph],
            RequiredDocuments.For(applicant));
        Assert.False(RequiredDocuments.Applies(DocumentType.Aadhaar, applicant));
        Assert.False(RequiredDocuments.Applies(DocumentType.DemandLetter, applicant));
        Assert.True(RequiredDocuments.Applies(DocumentType.Visa, applicant));
    }

    [Fact]
    public void Progress_follows_the_latest_review_of_each_required_document()
    {
        var required = RequiredDocuments.For(new EmployerRecruitment("JOB-1"), hasAadhaar: false);
        var latest = new Dictionary<DocumentType, DocumentReviewState>
        {
            [DocumentType.Passport] = DocumentReviewState.Approved,
            [DocumentType.Visa] = DocumentReviewState.Approved,
            [DocumentType.EmploymentContract] = DocumentReviewState.PendingReview,
        };

        Assert.Equal(DocumentsProgress.Incomplete, DocumentChecklist.Evaluate(required, latest));
        Assert.Equal([DocumentType.Photograph], DocumentChecklist.Missing(required, latest));

        latest[DocumentType.Photograph] = DocumentReviewState.PendingReview;
        Assert.Equal(DocumentsProgress.AwaitingReview, DocumentChecklist.Evaluate(required, latest));

        latest[DocumentType.Photograph] = DocumentReviewState.SentBack;
        Assert.Equal(DocumentsProgress.SentBack, DocumentChecklist.Evaluate(required, latest));

        latest[DocumentType.Photograph] = DocumentReviewState.Approved;
        latest[DocumentType.EmploymentContract] = DocumentReviewState.Approved;
        Assert.Equal(DocumentsProgress.AllApproved, DocumentChecklist.Evaluate(required, latest));
    }

    [Fact]
    public void Send_back_outweighs_a_missing_document()
    {
        var required = new[] { DocumentType.Passport, DocumentType.Visa };
        var latest = new Dictionary<DocumentType, DocumentReviewState> { [DocumentType.Passport] = DocumentReviewState.SentBack };

        Assert.Equal(DocumentsProgress.SentBack, DocumentChecklist.Evaluate(required, latest));
    }

    [Fact]
    public void Reviews_of_documents_that_are_not_required_do_not_count()
    {
        var required = new[] { DocumentType.Passport };
        var latest = new Dictionary<DocumentType, DocumentReviewState>
        {
            [DocumentType.Passport] = DocumentReviewState.Approved,
            [DocumentType.Aadhaar] = DocumentReviewState.SentBack,
        };

        Assert.Equal(DocumentsProgress.AllApproved, DocumentChecklist.Evaluate(required, latest));
    }
}
