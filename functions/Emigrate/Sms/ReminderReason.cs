using System.Text.Json.Serialization;

namespace Emigrate.Sms;

/// <summary>Why a reminder is sent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReminderReason>))]
public enum ReminderReason
{
    /// <summary>Required documents are still missing (to the applicant).</summary>
    [JsonStringEnumMemberName("documentsPending")]
    DocumentsPending,

    /// <summary>Documents were sent back (to the applicant).</summary>
    [JsonStringEnumMemberName("documentsSentBack")]
    DocumentsSentBack,

    /// <summary>The medical is tomorrow (to the applicant).</summary>
    [JsonStringEnumMemberName("medicalTomorrow")]
    MedicalTomorrow,

    /// <summary>A clearance submission is undecided after a working day (escalation to the PoE office).</summary>
    [JsonStringEnumMemberName("clearanceOverdue")]
    ClearanceOverdue,
}
