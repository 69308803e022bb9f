using System.Collections.Frozen;
using Emigrate.Domain;
using Emigrate.Domain.Cases;

namespace Emigrate.Sms;

/// <summary>
/// Every SMS we send, in English and Hindi. Each is written to fit one SMS with the longest allowed variable
/// values (160 GSM-7 characters in English, 70 UCS-2 in Hindi); tests hold every template to that.
/// </summary>
public static class SmsTemplates
{
    /// <summary>Acknowledgement sent on registration.</summary>
    public const string RegistrationAcknowledgement = "registration-ack";

    /// <summary>Answer to STATUS &lt;id&gt; for an id that is unreadable, unknown or not the sender's.</summary>
    public const string UnknownCase = "status-unknown-case";

    /// <summary>Answer to STATUS from a mobile with no case.</summary>
    public const string NoCase = "status-no-case";

    /// <summary>Answer to HELP and to anything not understood.</summary>
    public const string Help = "help";

    /// <summary>Confirmation of STOP.</summary>
    public const string StopAcknowledgement = "stop-ack";

    /// <summary>Confirmation of START.</summary>
    public const string StartAcknowledgement = "start-ack";

    /// <summary>Reminder: documents still missing.</summary>
    public const string DocumentsPending = "reminder-documents-pending";

    /// <summary>Reminder: documents sent back.</summary>
    public const string DocumentsSentBack = "reminder-documents-sent-back";

    /// <summary>Reminder: medical tomorrow.</summary>
    public const string MedicalTomorrow = "reminder-medical-tomorrow";

    /// <summary>Escalation to the PoE office: a submission is overdue (English only: it goes to officers).</summary>
    public const string ClearanceOverdue = "escalation-clearance-overdue";

    /// <summary>Result: clearance granted.</summary>
    public const string Cleared = "result-cleared";

    /// <summary>Result: sent back by the PoE.</summary>
    public const string ClearanceSentBack = "result-clearance-sent-back";

    /// <summary>Result: clearance rejected.</summary>
    public const string ClearanceRejected = "result-clearance-rejected";

    private static readonly FrozenDictionary<(string Key, Language Language), SmsTemplate> Catalogue = Build();

    /// <summary>Every template, for listing and DLT registration.</summary>
    public static IReadOnlyCollection<SmsTemplate> All => Catalogue.Values;

    /// <summary>The key of the status reply for a stage: <c>status-awaitingDocuments</c>.</summary>
    public static string StatusKey(CaseStage stage) => "status-" + stage.WireName();

    /// <summary>
    /// The template for <paramref name="key"/> in <paramref name="language"/>, or in English when that is the
    /// only language it exists in.
    /// </summary>
    public static SmsTemplate Get(string key, Language language) =>
        Catalogue.TryGetValue((key, language), out var template) ? template
        : Catalogue.TryGetValue((key, Language.English), out var english) ? english
        : throw new KeyNotFoundException($"No SMS template '{key}'.");

    /// <summary>The status reply for a case.</summary>
    public static SmsMessage Status(CaseStage stage, Language language, string caseId) =>
        Get(StatusKey(stage), language).Render(caseId);

    private static FrozenDictionary<(string, Language), SmsTemplate> Build()
    {
        var templates = new List<SmsTemplate>();
        void Add(string key, string english, string? hindi)
        {
            templates.Add(new SmsTemplate(key, Language.English, english));
            if (hindi is not null)
            {
                templates.Add(new SmsTemplate(key, Language.Hindi, hindi));
            }
        }

        foreach (var stage in CaseStages.All)
        {
            var en = StageTexts.For(stage, Language.English);
            var hi = StageTexts.For(stage, Language.Hindi);
            Add(StatusKey(stage), $"Case {{caseId}}: {en.Label}. {en.NextStep}", $"केस {{caseId}}: {hi.Label}। {hi.NextStep}");
        }

        Add(
            RegistrationAcknowledgement,
            "Registered for emigration clearance. Case id {caseId}. Upload documents at your CSC. SMS STATUS to check progress.",
            "केस {caseId} पंजीकृत। CSC पर दस्तावेज जमा करें। STATUS भेजें।");
        Add(
            UnknownCase,
            "No such case for this mobile number. Check the case id, or SMS STATUS for your latest case.",
            "इस मोबाइल पर यह केस नहीं मिला। केस आईडी जांचें या STATUS भेजें।");
        Add(NoCase, "No case is registered for this mobile number. Ask your CSC.", "इस मोबाइल पर कोई केस नहीं है। अपने CSC से मिलें।");
        Add(
            Help,
            "SMS STATUS for your latest case, STATUS <case id> for one case, STOP to stop reminders, START to restart them.",
            "STATUS: ताजा केस। STATUS आईडी: वह केस। STOP/START: रिमाइंडर बंद/चालू।");
        Add(
            StopAcknowledgement,
            "Reminders stopped. You will still get your clearance result. SMS START to restart.",
            "रिमाइंडर बंद। मंजूरी का परिणाम फिर भी मिलेगा। START से चालू करें।");
        Add(StartAcknowledgement, "Reminders restarted. SMS STOP to stop them.", "रिमाइंडर चालू। STOP से बंद करें।");
        Add(
            DocumentsPending,
            "Case {caseId}: documents still needed. Upload them at your CSC by {date}.",
            "केस {caseId}: दस्तावेज बाकी। {date} तक CSC पर जमा करें।");
        Add(
            DocumentsSentBack,
            "Case {caseId}: documents sent back. Correct and upload them again at your CSC.",
            "केस {caseId}: दस्तावेज लौटाए गए। CSC पर सुधार कर फिर जमा करें।");
        Add(
            MedicalTomorrow,
            "Case {caseId}: your medical is tomorrow, {date}. Carry your passport.",
            "केस {caseId}: कल {date} को मेडिकल है। पासपोर्ट साथ लाएं।");
        Add(ClearanceOverdue, "Case {caseId}, ARN {arn}: clearance pending since {date}. Please decide today.", null);
        Add(
            Cleared,
            "Case {caseId}: emigration clearance granted, EC no. {ecNumber}. Safe journey.",
            "केस {caseId}: मंजूरी मिली, EC {ecNumber}। शुभ यात्रा।");
        Add(
            ClearanceSentBack,
            "Case {caseId}: sent back by PoE. Visit your CSC to correct documents.",
            "केस {caseId}: PoE ने लौटाया। सुधार हेतु CSC जाएं।");
        Add(
            ClearanceRejected,
            "Case {caseId}: clearance rejected. Ask your CSC for the reason.",
            "केस {caseId}: मंजूरी अस्वीकृत। कारण हेतु CSC से मिलें।");

        return templates.ToFrozenDictionary(t => (t.Key, t.Language));
    }
}
