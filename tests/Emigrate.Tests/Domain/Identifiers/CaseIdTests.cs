using System.Security.Cryptography;
using System.Text.Json;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Tests.Domain.Identifiers;

public sealed class CaseIdTests
{
    private static readonly CaseId Sample = CaseId.FromRandomBytes([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]);

    [Fact]
    public void Case_id_is_em_and_ten_crockford_symbols()
    {
        Assert.Matches("^EM[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$", Sample.Value);
        Assert.Equal(12, Sample.Value.Length);
    }

    [Fact]
    public void Documented_example_is_a_valid_case_id() => Assert.True(CaseId.TryParse("EM7K2QX9RB4W", out _));

    [Fact]
    public void Case_id_is_determined_by_its_random_bytes()
    {
        Assert.Equal(Sample, CaseId.FromRandomBytes([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]));
        Assert.NotEqual(Sample, CaseId.FromRandomBytes([0x12, 0x34, 0x56, 0x78, 0x9a, 0xbd]));
    }

    [Fact]
    public void New_case_ids_from_a_random_source_parse_back_and_differ()
    {
        using var random = RandomNumberGenerator.Create();
        var ids = Enumerable.Range(0, 1000).Select(_ => CaseId.New(random)).ToList();

        Assert.All(ids, id => Assert.True(CaseId.TryParse(id.Value, out var parsed) && parsed == id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Case_id_parsing_forgives_case_spaces_hyphens_a_missing_prefix_and_look_alike_letters()
    {
        var body = Sample.Value[2..];
        var lookAlikes = body.Replace('0', 'O').Replace('1', 'l');
        var variants = new[]
        {
            Sample.Value.ToLowerInvariant(),
            $"EM {body[..5]} {body[5..]}",
            $"em-{body[..5]}-{body[5..]}",
            body,
            "EM" + lookAlikes,
            "EM" + body.Replace('1', 'I'),
        };

        Assert.All(variants, text => Assert.True(CaseId.TryParse(text, out var parsed) && parsed == Sample, text));
    }

    [Fact]
    public void Every_single_symbol_typo_in_a_case_id_is_detected()
    {
        var body = Sample.Value[2..];
        for (var position = 0; position < body.Length; position++)
        {
            foreach (var symbol in CrockfordBase32.Alphabet)
            {
                if (symbol == body[position])
                {
                    continue;
                }

                var typo = "EM" + body[..position] + symbol + body[(position + 1)..];
                Assert.False(CaseId.TryParse(typo, out _), typo);
            }
        }
    }

    [Fact]
    public void Swapping_two_adjacent_symbols_is_detected_for_almost_all_random_ids()
    {
        using var random = RandomNumberGenerator.Create();
        int swaps = 0, missed = 0;
        for (var n = 0; n < 2000; n++)
        {
            var body = CaseId.New(random).Value[2..];
            for (var i = 0; i < body.Length - 1; i++)
            {
                if (body[i] == body[i + 1])
                {
                    continue;
                }

                swaps++;
                var swapped = body[..i] + body[i + 1] + body[i] + body[(i + 2)..];
                missed += CaseId.TryParse(swapped, out _) ? 1 : 0;
            }
        }

        // Luhn mod 32 misses only the swap of the symbols worth 0 and 31 (0 and Z): well under 1 %.
        Assert.True(missed * 100 < swaps, $"{missed} of {swaps} transpositions went unnoticed");
    }

    [Theory]
    [InlineData("")]
    [InlineData("EM")]
    [InlineData("EM12345")]
    [InlineData("XX0123456789")]
    [InlineData("EMUUUUUUUUUU")]
    [InlineData("EM0123456789AB")]
    public void Text_that_is_not_a_case_id_is_rejected(string text) => Assert.False(CaseId.TryParse(text, out _));

    [Fact]
    public void Case_id_is_a_plain_string_in_json_and_prints_as_itself()
    {
        Assert.Equal($"\"{Sample.Value}\"", JsonSerializer.Serialize(Sample));
        Assert.Equal(Sample, JsonSerializer.Deserialize<CaseId>($"\"{Sample.Value}\""));
        Assert.Equal(Sample.Value, Sample.ToString());
    }

    [Fact]
    public void Too_few_random_bytes_are_refused() =>
        Assert.Throws<ArgumentException>(() => CaseId.FromRandomBytes([1, 2, 3]));
}
