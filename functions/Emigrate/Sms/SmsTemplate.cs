using System.Text;
using System.Text.RegularExpressions;
using Emigrate.Domain;

namespace Emigrate.Sms;

/// <summary>
/// A fixed SMS text with named variables (<c>{caseId}</c>). India's DLT rules only deliver messages that match a
/// template registered with the operator, so every message we send is rendered from one of these, and
/// <see cref="DltText"/> is the form to register.
/// </summary>
public sealed partial class SmsTemplate
{
    /// <summary>Creates a template; every variable must be one of <see cref="SmsVariables"/>.</summary>
    public SmsTemplate(string key, Language language, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        Key = key;
        Language = language;
        Text = text;
        Variables = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToArray();
        foreach (var variable in Variables)
        {
            SmsVariables.MaxLength(variable);
        }
    }

    /// <summary>What the message is for, shared by its language variants: <c>status-registered</c>.</summary>
    public string Key { get; }

    /// <summary>The language of the text.</summary>
    public Language Language { get; }

    /// <summary>The text with <c>{name}</c> placeholders.</summary>
    public string Text { get; }

    /// <summary>Our id of this template, <c>status-registered.hi</c>; configuration maps it to the DLT template id.</summary>
    public string Id => $"{Key}.{WireNames.Of(Language)}";

    /// <summary>The variable names in order of appearance.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The text in DLT's notation, each variable written <c>{#var#}</c>.</summary>
    public string DltText => Placeholder().Replace(Text, "{#var#}");

    /// <summary>The message with every variable filled in.</summary>
    /// <exception cref="ArgumentException">A variable is missing or its value is longer than allowed.</exception>
    public SmsMessage Render(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var text = new StringBuilder(Text);
        foreach (var name in Variables.Distinct())
        {
            if (!values.TryGetValue(name, out var value))
            {
                throw new ArgumentException($"Template {Id} needs a value for {{{name}}}.", nameof(values));
            }

            if (value.Length > SmsVariables.MaxLength(name))
            {
                throw new ArgumentException($"The value for {{{name}}} is longer than {SmsVariables.MaxLength(name)} characters.", nameof(values));
            }

            text.Replace($"{{{name}}}", value);
        }

        return new SmsMessage(Id, Language, text.ToString());
    }

    /// <summary>Renders a template with at most a case id.</summary>
    public SmsMessage Render(string? caseId = null) =>
        Render(caseId is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [SmsVariables.CaseId] = caseId });

    [GeneratedRegex(@"\{([a-zA-Z]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>A rendered SMS, ready for the sender port.</summary>
/// <param name="TemplateId">The template it was rendered from (needed by DLT-compliant gateways).</param>
/// <param name="Language">Its language.</param>
/// <param name="Text">The text.</param>
public sealed record SmsMessage(string TemplateId, Language Language, string Text)
{
    /// <summary>How the text splits into SMS.</summary>
    public SmsSegments Segments => SmsSegments.Count(Text);
}
