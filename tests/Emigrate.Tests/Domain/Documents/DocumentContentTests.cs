using Emigrate.Domain.Documents;

namespace Emigrate.Tests.Domain.Documents;

public sealed class DocumentContentTests
{
    private static readonly byte[] Pdf = "%PDF-1.7\n%âãÏÓ"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00];
    private static readonly byte[] Gif = "GIF89a\0\0"u8.ToArray();

    public static TheoryData<byte[], DocumentFormat?> Samples => new()
    {
        { Pdf, DocumentFormat.Pdf },
        { Jpeg, DocumentFormat.Jpeg },
        { Png, DocumentFormat.Png },
        { Gif, null },
        { "%PDF"u8.ToArray(), null },
        { [0xFF, 0xD8], null },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x00], null },
        { [], null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Format_is_read_from_the_magic_bytes(byte[] head, DocumentFormat? format) =>
        Assert.Equal(format, DocumentContent.Sniff(head));

    [Theory]
    [InlineData("application/pdf", DocumentFormat.Pdf)]
    [InlineData("Application/PDF; name=passport.pdf", DocumentFormat.Pdf)]
    [InlineData("image/jpeg", DocumentFormat.Jpeg)]
    [InlineData("image/jpg", DocumentFormat.Jpeg)]
    [InlineData("image/png", DocumentFormat.Png)]
    [InlineData("image/gif", null)]
    [InlineData("application/octet-stream", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Declared_content_type_is_read_leniently(string? contentType, DocumentFormat? format) =>
        Assert.Equal(format, DocumentContent.FromContentType(contentType));

    [Fact]
    public void Pdf_declared_as_pdf_is_accepted() => Assert.Null(DocumentContent.Check("application/pdf", 120_000, Pdf));

    [Fact]
    public void Upload_rejects_file_whose_bytes_are_not_a_pdf() =>
        Assert.Equal("The file's content is not application/pdf (it looks like image/jpeg).", DocumentContent.Check("application/pdf", 120_000, Jpeg));

    [Fact]
    public void Upload_rejects_file_whose_bytes_are_no_accepted_format() =>
        Assert.Equal("The file's content is not image/png.", DocumentContent.Check("image/png", 120_000, Gif));

    [Fact]
    public void Upload_rejects_an_undeclared_or_unsupported_content_type() =>
        Assert.Equal("Only PDF, JPEG or PNG files are accepted.", DocumentContent.Check("image/gif", 100, Gif));

    [Fact]
    public void Five_megabytes_is_the_limit()
    {
        Assert.Equal(5 * 1024 * 1024, DocumentContent.MaxBytes);
        Assert.Null(DocumentContent.Check("image/png", DocumentContent.MaxBytes, Png));
        Assert.Equal("The file is larger than 5 MB.", DocumentContent.Check("image/png", DocumentContent.MaxBytes + 1, Png));
    }

    [Fact]
    public void Empty_file_is_rejected() => Assert.Equal("The file is empty.", DocumentContent.Check("application/pdf", 0, []));
}
