namespace Emigrate.Sms;

/// <summary>The character encoding an SMS is sent in, which decides how many characters fit.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit default alphabet: 160 characters in one SMS.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16 code units), needed for Devanagari: 70 characters in one SMS.</summary>
    Ucs2,
}
