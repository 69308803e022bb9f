using System.Collections.Frozen;

namespace Emigrate.Sms;

/// <summary>The GSM 03.38 default alphabet and its extension table.</summary>
public static class Gsm7Alphabet
{
    // The basic table, in code order (0x1B, the escape to the extension table, is left out).
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // Reached through the escape character, so each costs two septets.
    private const string Extension = "\f^{}\\[~]|€";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();

    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    /// <summary>Septets a character needs: 1 (basic), 2 (extension) or 0 when it is not in GSM-7 at all.</summary>
    public static int SeptetsOf(char c) => BasicSet.Contains(c) ? 1 : ExtensionSet.Contains(c) ? 2 : 0;

    /// <summary>Whether the whole text can be sent in GSM-7.</summary>
    public static bool CanEncode(string text) => text.All(c => SeptetsOf(c) > 0);

    /// <summary>The septets of each character, or <see langword="null"/> when some character needs UCS-2.</summary>
    internal static int[]? SeptetsOf(string text)
    {
        var septets = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            septets[i] = SeptetsOf(text[i]);
            if (septets[i] == 0)
            {
                return null;
            }
        }

        return septets;
    }
}
