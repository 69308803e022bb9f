using System.Text;
using System.Text.Json;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Tests.Domain.Identifiers;

public sealed class AadhaarTests
{
    // Made-up numbers with valid Verhoeff check digits; not anybody's Aadhaar.
    private const string Valid = "234567890124";
    private const string OtherValid = "498765432102";

    private static readonly AadhaarHasher Hasher = new(Encoding.ASCII.GetBytes("test-secret-test-secret-test-secret!"));

    [Theory]
    [InlineData("2363", true)]
    [InlineData("2364", false)]
    [InlineData("123451", true)]
    [InlineData("123415", false)]
    public void Verhoeff_accepts_known_good_numbers_and_catches_errors(string digits, bool valid) =>
        Assert.Equal(valid, Verhoeff.IsValid(digits));

    [Fact]
    public void Verhoeff_check_digit_matches_the_published_example() => Assert.Equal('3', Verhoeff.CheckDigit("236"));

    [Fact]
    public void Verhoeff_catches_every_single_digit_error_and_adjacent_transposition_of_an_aadhaar()
    {
        for (var position = 0; position < Valid.Length; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == Valid[position])
                {
                    continue;
                }

                var typo = Valid[..position] + digit + Valid[(position + 1)..];
                Assert.False(Verhoeff.IsValid(typo), typo);
            }
        }

        for (var position = 0; position < Valid.Length - 1; position++)
        {
            if (Valid[position] == Valid[position + 1])
            {
                continue;
            }

            var swapped = Valid[..position] + Valid[position + 1] + Valid[position] + Valid[(position + 2)..];
            Assert.False(Verhoeff.IsValid(swapped), swapped);
        }
    }

    [Theory]
    [InlineData("234567890124")]
    [InlineData("2345 6789 0124")]
    [InlineData(" 2345-6789-0124 ")]
    public void Aadhaar_is_accepted_as_printed_on_the_card(string text)
    {
        Assert.True(AadhaarNumber.TryParse(text, out var aadhaar));
        Assert.Equal("0124", aadhaar.LastFour);
    }

    [Theory]
    [InlineData("234567890123")]
    [InlineData("134567890124")]
    [InlineData("034567890124")]
    [InlineData("23456789012")]
    [InlineData("2345678901244")]
    [InlineData("23456789012a")]
    [InlineData("")]
    public void Aadhaar_with_a_bad_shape_or_check_digit_is_rejected(string text) =>
        Assert.False(AadhaarNumber.TryParse(text, out _));

    [Fact]
    public void Aadhaar_prints_only_its_last_four_digits()
    {
        AadhaarNumber.TryParse(Valid, out var aadhaar);
        Assert.Equal("XXXX-XXXX-0124", aadhaar!.ToString());
        Assert.DoesNotContain("23456789", $"{aadhaar}", StringComparison.Ordinal);
    }

    [Fact]
    public void Aadhaar_number_refuses_to_be_serialised()
    {
        AadhaarNumber.TryParse(Valid, out var aadhaar);
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(aadhaar));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AadhaarNumber>($"\"{Valid}\""));
    }

    [Fact]
    public void Aadhaar_reference_keeps_last_four_and_a_keyed_hash_but_not_the_number()
    {
        AadhaarNumber.TryParse(Valid, out var aadhaar);
        var reference = Hasher.Protect(aadhaar!);

        Assert.Equal("0124", reference.LastFour);
        Assert.Equal("XXXX-XXXX-0124", reference.Display);
        Assert.Matches("^[0-9a-f]{64}$", reference.KeyedHash);
        var json = JsonSerializer.Serialize(reference);
        Assert.DoesNotContain(Valid, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_aadhaar_gives_the_same_hash_however_it_was_typed()
    {
        AadhaarNumber.TryParse(Valid, out var plain);
        AadhaarNumber.TryParse("2345 6789 0124", out var spaced);
        Assert.Equal(Hasher.Protect(plain!), Hasher.Protect(spaced!));
    }

    [Fact]
    public void Hash_depends_on_the_number_and_on_the_key()
    {
        AadhaarNumber.TryParse(Valid, out var one);
        AadhaarNumber.TryParse(OtherValid, out var other);
        var otherKey = new AadhaarHasher(Encoding.ASCII.GetBytes("another-secret-another-secret-xx"));

        Assert.NotEqual(Hasher.Protect(one!).KeyedHash, Hasher.Protect(other!).KeyedHash);
        Assert.NotEqual(Hasher.Protect(one!).KeyedHash, otherKey.Protect(one!).KeyedHash);
    }

    [Fact]
    public void Hash_is_hmac_sha256_of_the_twelve_digits()
    {
        AadhaarNumber.TryParse(Valid, out var aadhaar);
        var key = Encoding.ASCII.GetBytes("test-secret-test-secret-test-secret!");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(Valid)));
        Assert.Equal(expected, Hasher.Protect(aadhaar!).KeyedHash);
    }

    [Fact]
    public void Short_hashing_key_is_refused() =>
        Assert.Throws<ArgumentException>(() => new AadhaarHasher(new byte[16]));
}
