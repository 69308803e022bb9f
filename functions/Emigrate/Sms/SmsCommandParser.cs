using Emigrate.Domain.Identifiers;

namespace Emigrate.Sms;

/// <summary>Reads the keyword of an inbound SMS.</summary>
/// <remarks>
/// Forgiving, because it is typed on feature phones: any case, extra spaces, trailing punctuation, words after
/// STOP/START/HELP, a colon or # before the id, and the id run on to the keyword (<c>STATUSEM7K2…</c>).
/// </remarks>
public static class SmsCommandParser
{
    private const string Status = "STATUS";

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ':', '#', ',', '.', '!', '?'];

    /// <summary>The command an SMS body asks for; anything unrecognised is a <see cref="HelpCommand"/>.</summary>
    public static SmsCommand Parse(string? body)
    {
        var words = (body ?? string.Empty).ToUpperInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return new HelpCommand(Understood: false);
        }

        var keyword = words[0];
        switch (keyword)
        {
            case "HELP":
                return new HelpCommand(Understood: true);
            case "STOP":
                return new StopCommand();
            case "START":
                return new StartCommand();
            case Status when words.Length == 1:
                return new StatusCommand(null);
            case Status:
                return ParseStatusOf(string.Concat(words[1..]));
            case var run when run.StartsWith(Status, StringComparison.Ordinal):
                return ParseStatusOf(run[Status.Length..] + string.Concat(words[1..]));
            default:
                return new HelpCommand(Understood: false);
        }
    }

    private static SmsCommand ParseStatusOf(string text) =>
        CaseId.TryParse(text, out var caseId) ? new StatusCommand(caseId) : new StatusOfUnreadableIdCommand();
}
