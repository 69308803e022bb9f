namespace Emigrate.Sms;

/// <summary>How a text splits into SMS segments.</summary>
/// <param name="Encoding">GSM-7 when every character is in the GSM alphabet, else UCS-2.</param>
/// <param name="Segments">Number of SMS the text costs (0 for an empty text).</param>
/// <param name="Units">Septets (GSM-7, extension characters counting two) or UTF-16 code units (UCS-2).</param>
public sealed record SmsSegments(SmsEncoding Encoding, int Segments, int Units)
{
    /// <summary>Units that fit one SMS on its own.</summary>
    public const int Gsm7Single = 160;

    /// <summary>Units per part of a concatenated SMS (the rest of 140 bytes holds the concatenation header).</summary>
    public const int Gsm7Multipart = 153;

    /// <summary>Units that fit one UCS-2 SMS on its own.</summary>
    public const int Ucs2Single = 70;

    /// <summary>Units per part of a concatenated UCS-2 SMS.</summary>
    public const int Ucs2Multipart = 67;

    /// <summary>Whether the text goes as a single SMS.</summary>
    public bool FitsOneSms => Segments <= 1;

    /// <summary>Counts the segments of <paramref name="text"/>.</summary>
    /// <remarks>
    /// Split points follow what handsets and gateways do: an escape sequence (GSM-7 extension character) or a
    /// surrogate pair is never split across parts, so a part can hold one unit fewer than the nominal size.
    /// </remarks>
    public static SmsSegments Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return new SmsSegments(SmsEncoding.Gsm7, 0, 0);
        }

        var gsm = Gsm7Alphabet.SeptetsOf(text);
        return gsm is not null
            ? new SmsSegments(SmsEncoding.Gsm7, Split(gsm, Gsm7Single, Gsm7Multipart), gsm.Sum())
            : new SmsSegments(SmsEncoding.Ucs2, Split(Ucs2Units(text), Ucs2Single, Ucs2Multipart), text.Length);
    }

    // Each element is the units one indivisible piece of text needs.
    private static int Split(IReadOnlyList<int> pieces, int single, int multipart)
    {
        if (pieces.Sum() <= single)
        {
            return 1;
        }

        var segments = 1;
        var used = 0;
        foreach (var piece in pieces)
        {
            if (used + piece > multipart)
            {
                segments++;
                used = 0;
            }

            used += piece;
        }

        return segments;
    }

    private static List<int> Ucs2Units(string text)
    {
        var pieces = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            pieces.Add(pair ? 2 : 1);
            i += pair ? 1 : 0;
        }

        return pieces;
    }
}
