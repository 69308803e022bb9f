using Emigrate.Domain.Identifiers;

namespace Emigrate.Tests.Domain.Identifiers;

public sealed class PinCodeAndCountryCodeTests
{
    [Theory]
    [InlineData("110001", true)]
    [InlineData(" 226001 ", true)]
    [InlineData("011001", false)]
    [InlineData("11001", false)]
    [InlineData("1100011", false)]
    [InlineData("110 001", false)]
    [InlineData("", false)]
    public void Pin_code_is_six_digits_not_starting_with_zero(string text, bool valid) =>
        Assert.Equal(valid, PinCode.TryParse(text, out _));

    [Theory]
    [InlineData("AE", "AE")]
    [InlineData(" sa ", "SA")]
    public void Country_code_is_two_letters_upper_cased(string text, string expected)
    {
        Assert.True(CountryCode.TryParse(text, out var code));
        Assert.Equal(expected, code.Value);
    }

    [Theory]
    [InlineData("ARE")]
    [InlineData("A")]
    [InlineData("A1")]
    [InlineData("")]
    public void Country_code_that_is_not_alpha_2_is_rejected(string text) =>
        Assert.False(CountryCode.TryParse(text, out _));
}
