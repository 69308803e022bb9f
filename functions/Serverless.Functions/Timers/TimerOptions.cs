using System.ComponentModel.DataAnnotations;

namespace Serverless.Functions.Timers;

/// <summary>Timer trigger settings (configuration section <c>Timers</c>).</summary>
public sealed class TimerOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Timers";

    /// <summary>The table holding each timer's schedule status, shared by every host process on the account.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "TimerSchedules";
}
