using Emigrate.Domain.Identifiers;

namespace Emigrate.Sms;

/// <summary>What an inbound SMS asks for.</summary>
public abstract record SmsCommand
{
    private protected SmsCommand()
    {
    }
}

/// <summary><c>STATUS</c> (the sender's latest case) or <c>STATUS &lt;case id&gt;</c>.</summary>
/// <param name="CaseId">The case asked about; null for the latest case of the sending mobile.</param>
public sealed record StatusCommand(CaseId? CaseId) : SmsCommand;

/// <summary>
/// <c>STATUS</c> followed by something that is not a case id (a typo the check symbol caught). Answered exactly
/// like an unknown id, so replies never reveal which ids exist.
/// </summary>
public sealed record StatusOfUnreadableIdCommand : SmsCommand;

/// <summary><c>HELP</c>, or any text that is not a keyword.</summary>
/// <param name="Understood">False when the text was not a keyword (the help reply is then the answer).</param>
public sealed record HelpCommand(bool Understood) : SmsCommand;

/// <summary><c>STOP</c>: no more reminders (results still come).</summary>
public sealed record StopCommand : SmsCommand;

/// <summary><c>START</c>: reminders again.</summary>
public sealed record StartCommand : SmsCommand;
