using Emigrate.Sms;

namespace Emigrate.Tests.Sms;

public sealed class SmsSegmentsTests
{
    [Fact]
    public void Empty_text_costs_nothing() => Assert.Equal(new SmsSegments(SmsEncoding.Gsm7, 0, 0), SmsSegments.Count(string.Empty));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    [InlineData(460, 4)]
    public void Gsm7_text_fits_160_alone_then_153_per_part(int length, int segments)
    {
        var count = SmsSegments.Count(new string('a', length));

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(segments, count.Segments);
        Assert.Equal(length, count.Units);
    }

    [Fact]
    public void Extension_characters_count_double()
    {
        var count = SmsSegments.Count("{price} €5 [x]");

        Assert.Equal(SmsEncoding.Gsm7, count.Encoding);
        Assert.Equal(14 + 5, count.Units);
        Assert.Equal(2, SmsSegments.Count(new string('€', 81)).Segments);
        Assert.Equal(1, SmsSegments.Count(new string('€', 80)).Segments);
    }

    [Fact]
    public void Escape_sequence_is_not_split_across_parts()
    {
        // 306 septets would make two full parts, but the 2-septet '€' after 152 plain ones does not fit the 153 of
        // part one: it opens part two, and the last septet spills into a third.
        var text = new string('a', 152) + "€" + new string('a', 152);

        var count = SmsSegments.Count(text);

        Assert.Equal(306, count.Units);
        Assert.Equal(3, count.Segments);
    }

    [Fact]
    public void Gsm_basic_alphabet_includes_accented_and_greek_letters()
    {
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count("@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà").Encoding);
        Assert.True(Gsm7Alphabet.CanEncode("Case EM7K2QX9RB4T: Documents sent back. <case id> ok?"));
        Assert.False(Gsm7Alphabet.CanEncode("₹275"));
        Assert.False(Gsm7Alphabet.CanEncode("`"));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Ucs2_text_fits_70_alone_then_67_per_part(int length, int segments)
    {
        var count = SmsSegments.Count(new string('क', length));

        Assert.Equal(SmsEncoding.Ucs2, count.Encoding);
        Assert.Equal(segments, count.Segments);
    }

    [Fact]
    public void One_non_gsm_character_makes_the_whole_text_ucs2() =>
        Assert.Equal(SmsEncoding.Ucs2, SmsSegments.Count(new string('a', 100) + "₹").Encoding);

    [Fact]
    public void Surrogate_pair_counts_two_units_and_is_not_split()
    {
        var text = new string('a', 66) + "😀" + new string('a', 66);

        var count = SmsSegments.Count(text);

        Assert.Equal(134, count.Units);
        Assert.Equal(3, count.Segments);
    }
}
