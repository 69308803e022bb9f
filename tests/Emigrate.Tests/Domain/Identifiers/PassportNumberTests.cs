using System.Text.Json;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Tests.Domain.Identifiers;

public sealed class PassportNumberTests
{
    [Theory]
    [InlineData("K1234567", "K1234567")]
    [InlineData("  k1234567 ", "K1234567")]
    [InlineData("z0000000", "Z0000000")]
    public void Passport_number_is_trimmed_and_upper_cased(string text, string expected)
    {
        Assert.True(PassportNumber.TryParse(text, out var number));
        Assert.Equal(expected, number.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K123456")]
    [InlineData("K12345678")]
    [InlineData("12345678")]
    [InlineData("KK234567")]
    [InlineData("K12 34567")]
    [InlineData("K123\n4567")]
    [InlineData("K١٢٣٤٥٦٧")]
    public void Passport_number_that_is_not_a_letter_and_seven_digits_is_rejected(string? text) =>
        Assert.False(PassportNumber.TryParse(text, out _));

    [Fact]
    public void Passport_number_prints_masked_so_it_cannot_leak_into_logs()
    {
        PassportNumber.TryParse("K1234567", out var number);
        Assert.Equal("K12XXX67", number!.ToString());
        Assert.Equal("K12XXX67", $"{number}");
    }

    [Fact]
    public void Passport_number_is_a_plain_string_in_json()
    {
        PassportNumber.TryParse("K1234567", out var number);
        var json = JsonSerializer.Serialize(number);
        Assert.Equal("\"K1234567\"", json);
        Assert.Equal(number, JsonSerializer.Deserialize<PassportNumber>(json));
    }

    [Fact]
    public void Stored_passport_number_is_validated_again_when_read()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PassportNumber>("\"nonsense\""));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PassportNumber>("12345678"));
    }
}
