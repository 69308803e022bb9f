using System.Text;

namespace Emigrate.Domain.Reference;

/// <summary>
/// The comparison key of a place name as typed by an operator: case, dots, "&amp;" for "and" and extra spaces
/// do not matter.
/// </summary>
internal static class NameKey
{
    public static string Of(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Replace("&", " and ", StringComparison.Ordinal))
        {
            if (char.IsWhiteSpace(c) || c == '.' || c == ',')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
