using Emigrate.Domain.Privacy;

namespace Emigrate.Tests.Domain.Privacy;

public sealed class LogMaskTests
{
    [Theory]
    [InlineData("X1234567", "X12XXX67")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("AB12", "XXXX")]
    public void Passport_keeps_only_its_ends(string? value, string expected) => Assert.Equal(expected, LogMask.Passport(value));

    [Theory]
    [InlineData("9876543210", "98XXXXXX10")]
    [InlineData("+919876543210", "+9XXXXXXXXX10")]
    [InlineData("98765", "XXXXX")]
    public void Mobile_keeps_two_digits_at_each_end(string value, string expected) => Assert.Equal(expected, LogMask.Mobile(value));

    [Theory]
    [InlineData("234567890124", "XXXX-XXXX-0124")]
    [InlineData("2345 6789 0124", "XXXX-XXXX-0124")]
    [InlineData("12", "XXXX-XXXX-XXXX")]
    [InlineData(null, "XXXX-XXXX-XXXX")]
    public void Aadhaar_keeps_only_the_last_four_digits(string? value, string expected) => Assert.Equal(expected, LogMask.Aadhaar(value));

    [Theory]
    [InlineData("Ramesh Kumar", "R*** K***")]
    [InlineData("  Sita  ", "S***")]
    [InlineData("रमेश कुमार", "र*** क***")]
    [InlineData("", "")]
    public void Name_keeps_initials_only(string value, string expected) => Assert.Equal(expected, LogMask.Name(value));
}
