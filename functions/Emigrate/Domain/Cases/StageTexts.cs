using System.Collections.Frozen;

namespace Emigrate.Domain.Cases;

/// <summary>
/// The label and next step of every stage in English and Hindi, for status answers on the portal and by SMS.
/// </summary>
/// <remarks>
/// Kept short on purpose: a status SMS carries the case id, the label and the next step, and must fit one SMS
/// (160 GSM-7 characters, or only 70 in Hindi, which needs UCS-2). Tests hold every text to that. Hindi uses
/// plain letters rather than nukta forms (दस्तावेज, not दस्तावेज़) because each nukta costs a character.
/// </remarks>
public static class StageTexts
{
    private static readonly FrozenDictionary<(CaseStage, Language), StageText> Texts = new Dictionary<(CaseStage, Language), StageText>
    {
        [(CaseStage.Registered, Language.English)] = new("Registered", "Upload documents at your CSC."),
        [(CaseStage.Registered, Language.Hindi)] = new("पंजीकृत", "CSC पर दस्तावेज जमा करें।"),
        [(CaseStage.AwaitingDocuments, Language.English)] = new("Documents awaited", "Upload documents at your CSC."),
        [(CaseStage.AwaitingDocuments, Language.Hindi)] = new("दस्तावेज बाकी", "CSC पर दस्तावेज जमा करें।"),
        [(CaseStage.DocumentsSentBack, Language.English)] = new("Documents sent back", "Correct and upload them again at your CSC."),
        [(CaseStage.DocumentsSentBack, Language.Hindi)] = new("दस्तावेज लौटाए गए", "CSC पर सुधार कर फिर जमा करें।"),
        [(CaseStage.DocumentsVerified, Language.English)] = new("Documents verified", "Book a medical at your CSC."),
        [(CaseStage.DocumentsVerified, Language.Hindi)] = new("दस्तावेज सत्यापित", "CSC पर मेडिकल बुक करें।"),
        [(CaseStage.MedicalBooked, Language.English)] = new("Medical booked", "Go to the medical centre on the booked day."),
        [(CaseStage.MedicalBooked, Language.Hindi)] = new("मेडिकल बुक", "तय दिन मेडिकल केंद्र जाएं।"),
        [(CaseStage.MedicalFit, Language.English)] = new("Medically fit", "Your CSC will request insurance."),
        [(CaseStage.MedicalFit, Language.Hindi)] = new("मेडिकल फिट", "CSC बीमा का अनुरोध करेगा।"),
        [(CaseStage.MedicalUnfit, Language.English)] = new("Medically unfit", "The case is closed."),
        [(CaseStage.MedicalUnfit, Language.Hindi)] = new("मेडिकल अनफिट", "मामला बंद।"),
        [(CaseStage.InsuranceRequested, Language.English)] = new("Insurance requested", "Wait for the policy; nothing to do."),
        [(CaseStage.InsuranceRequested, Language.Hindi)] = new("बीमा अनुरोधित", "पॉलिसी की प्रतीक्षा करें।"),
        [(CaseStage.Insured, Language.English)] = new("Insured", "Your CSC will apply for clearance."),
        [(CaseStage.Insured, Language.Hindi)] = new("बीमा जारी", "CSC मंजूरी हेतु आवेदन करेगा।"),
        [(CaseStage.ClearanceSubmitted, Language.English)] = new("Sent to PoE", "Wait for the PoE decision."),
        [(CaseStage.ClearanceSubmitted, Language.Hindi)] = new("PoE को भेजा", "PoE के निर्णय की प्रतीक्षा करें।"),
        [(CaseStage.ClearanceSentBack, Language.English)] = new("Sent back by PoE", "Visit your CSC to correct documents."),
        [(CaseStage.ClearanceSentBack, Language.Hindi)] = new("PoE ने लौटाया", "सुधार हेतु CSC जाएं।"),
        [(CaseStage.Cleared, Language.English)] = new("Emigration clearance granted", "You may travel."),
        [(CaseStage.Cleared, Language.Hindi)] = new("उत्प्रवास मंजूरी मिली", "आप यात्रा कर सकते हैं।"),
        [(CaseStage.ClearanceRejected, Language.English)] = new("Clearance rejected", "Ask your CSC for the reason."),
        [(CaseStage.ClearanceRejected, Language.Hindi)] = new("मंजूरी अस्वीकृत", "कारण हेतु CSC से मिलें।"),
        [(CaseStage.Withdrawn, Language.English)] = new("Withdrawn", "The case is closed."),
        [(CaseStage.Withdrawn, Language.Hindi)] = new("वापस लिया गया", "मामला बंद।"),
        [(CaseStage.Expired, Language.English)] = new("Expired", "A deadline passed; register again at your CSC."),
        [(CaseStage.Expired, Language.Hindi)] = new("समय सीमा समाप्त", "CSC पर फिर पंजीकरण करें।"),
    }.ToFrozenDictionary();

    /// <summary>The text of <paramref name="stage"/> in <paramref name="language"/>.</summary>
    public static StageText For(CaseStage stage, Language language) => Texts[(stage, language)];
}
