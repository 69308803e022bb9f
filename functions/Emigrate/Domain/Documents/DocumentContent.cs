namespace Emigrate.Domain.Documents;

/// <summary>
/// What an uploaded file must be: PDF, JPEG or PNG by its own bytes (not just by the declared content type), at
/// most <see cref="MaxBytes"/> long, and not empty.
/// </summary>
public static class DocumentContent
{
    /// <summary>Largest accepted document: 5 MiB (product decision; a phone photo of a page is well under it).</summary>
    public const long MaxBytes = 5L * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Sniff"/> needs to decide.</summary>
    public const int SniffLength = 8;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The MIME type of a format.</summary>
    public static string ContentType(DocumentFormat format) => format switch
    {
        DocumentFormat.Pdf => "application/pdf",
        DocumentFormat.Jpeg => "image/jpeg",
        DocumentFormat.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>
    /// The format a <c>Content-Type</c> header declares, ignoring case and parameters (<c>; name=…</c>);
    /// <c>image/jpg</c>, which some scanner software sends, counts as JPEG.
    /// </summary>
    public static DocumentFormat? FromContentType(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim().ToLowerInvariant();
        return mediaType switch
        {
            "application/pdf" => DocumentFormat.Pdf,
            "image/jpeg" or "image/jpg" or "image/pjpeg" => DocumentFormat.Jpeg,
            "image/png" => DocumentFormat.Png,
            _ => null,
        };
    }

    /// <summary>The format the file's first bytes show, or <see langword="null"/> when they show none we accept.</summary>
    public static DocumentFormat? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith(PdfMagic) ? DocumentFormat.Pdf
        : head.StartsWith(PngMagic) ? DocumentFormat.Png
        : head.StartsWith(JpegMagic) ? DocumentFormat.Jpeg
        : null;

    /// <summary>
    /// <see langword="null"/> when the upload is acceptable; otherwise the problem. <paramref name="head"/> is the
    /// start of the file (at least <see cref="SniffLength"/> bytes when the file is that long).
    /// </summary>
    public static string? Check(string? declaredContentType, long length, ReadOnlySpan<byte> head)
    {
        if (length <= 0)
        {
            return "The file is empty.";
        }

        if (length > MaxBytes)
        {
            return $"The file is larger than {MaxBytes / (1024 * 1024)} MB.";
        }

        var declared = FromContentType(declaredContentType);
        if (declared is null)
        {
            return "Only PDF, JPEG or PNG files are accepted.";
        }

        var actual = Sniff(head);
        return actual == declared
            ? null
            : $"The file's content is not {ContentType(declared.Value)}{(actual is { } a ? $" (it looks like {ContentType(a)})" : string.Empty)}.";
    }
}
