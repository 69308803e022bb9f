using Emigrate.Domain.Identifiers;

namespace Emigrate.Tests.Domain.Identifiers;

public sealed class MobileNumberTests
{
    [Theory]
    [InlineData("9876543210")]
    [InlineData("98765 43210")]
    [InlineData("+91 98765 43210")]
    [InlineData("+919876543210")]
    [InlineData("919876543210")]
    [InlineData("00919876543210")]
    [InlineData("09876543210")]
    [InlineData("098765-43210")]
    public void Mobile_number_is_normalised_to_ten_national_digits(string text)
    {
        Assert.True(MobileNumber.TryParse(text, out var mobile));
        Assert.Equal("9876543210", mobile.Value);
        Assert.Equal("+919876543210", mobile.E164);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5876543210")]
    [InlineData("987654321")]
    [InlineData("98765432100")]
    [InlineData("+449876543210")]
    [InlineData("+91 5876543210")]
    [InlineData("98765abcde")]
    public void Mobile_number_outside_the_indian_mobile_range_is_rejected(string? text) =>
        Assert.False(MobileNumber.TryParse(text, out _));

    [Fact]
    public void Ten_digit_number_starting_with_91_is_not_mistaken_for_a_country_prefix()
    {
        Assert.True(MobileNumber.TryParse("9198765432", out var mobile));
        Assert.Equal("9198765432", mobile.Value);
    }

    [Fact]
    public void Mobile_number_prints_masked()
    {
        MobileNumber.TryParse("9876543210", out var mobile);
        Assert.Equal("98XXXXXX10", mobile!.Masked);
        Assert.Equal("98XXXXXX10", mobile.ToString());
    }
}
