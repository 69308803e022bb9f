namespace Serverless.Storage.Blobs;

/// <summary>Azure's rules for metadata, checked before sending so a bad entry fails with its name, not a bare 400.</summary>
/// <remarks>
/// Names travel in header names and must be C# identifiers; values travel in header values, which HTTP limits to
/// ASCII. Callers that need other characters (a file's original name, say) percent-encode them first.
/// </remarks>
internal static class MetadataRules
{
    public static void Validate(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (string.IsNullOrEmpty(name) || !(char.IsAsciiLetter(name[0]) || name[0] == '_')
            || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"Metadata name '{name}' is not a C# identifier, which Azure requires.", nameof(name));
        }

        if (value.Any(c => c is < ' ' or > '~'))
        {
            throw new ArgumentException(
                $"Metadata value of '{name}' has characters outside printable ASCII; percent-encode it first.", nameof(value));
        }
    }
}
