using Serverless.Storage.Tables;

namespace Serverless.Storage.Tests.Tables;

public sealed class QueryFilterTests
{
    [Fact]
    public void Holes_become_odata_literals_and_the_text_around_them_is_kept()
    {
        var pk = "case-1";
        var n = 3;

        Assert.Equal("PartitionKey eq 'case-1' and Count ge 3", TableClient.CreateQueryFilter($"PartitionKey eq {pk} and Count ge {n}"));
    }

    [Theory]
    [InlineData("O'Brien", "'O''Brien'")]
    [InlineData("'; drop", "'''; drop'")]
    [InlineData("''", "''''''")]
    [InlineData("", "''")]
    [InlineData("x' or RowKey ne 'x", "'x'' or RowKey ne ''x'")]
    public void Quotes_in_strings_are_doubled_so_the_value_stays_one_literal(string value, string literal) =>
        Assert.Equal($"Name eq {literal}", TableClient.CreateQueryFilter($"Name eq {value}"));

    [Fact]
    public void Each_supported_type_has_its_odata_form()
    {
        var guid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var instant = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1_234_567);

        Assert.Equal("42", TableClient.CreateQueryFilter($"{42}"));
        Assert.Equal("-7", TableClient.CreateQueryFilter($"{(short)-7}"));
        Assert.Equal("9007199254740993L", TableClient.CreateQueryFilter($"{9007199254740993L}"));
        Assert.Equal("4294967295L", TableClient.CreateQueryFilter($"{uint.MaxValue}"));
        Assert.Equal("3.0", TableClient.CreateQueryFilter($"{3.0}"));
        Assert.Equal("0.1", TableClient.CreateQueryFilter($"{0.1}"));
        Assert.Equal("-2.5", TableClient.CreateQueryFilter($"{-2.5}"));
        Assert.Equal("1" + new string('0', 21) + ".0", TableClient.CreateQueryFilter($"{1e21}"));
        Assert.Equal("-0.000000125", TableClient.CreateQueryFilter($"{-1.25e-7}"));
        Assert.Equal("true and false", TableClient.CreateQueryFilter($"{true} and {false}"));
        Assert.Equal("guid'0f8fad5b-d9cb-469f-a165-70867728950e'", TableClient.CreateQueryFilter($"{guid}"));
        Assert.Equal("datetime'2024-01-02T01:04:05.1234567Z'", TableClient.CreateQueryFilter($"{instant}"));
        Assert.Equal("datetime'2024-01-02T03:04:05.0000000Z'", TableClient.CreateQueryFilter($"{new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc)}"));
        Assert.Equal("X'00ff10'", TableClient.CreateQueryFilter($"{new byte[] { 0, 255, 16 }}"));
        Assert.Equal("X'0a0b'", TableClient.CreateQueryFilter($"{new BinaryData(new byte[] { 10, 11 })}"));
        Assert.Equal("'Approved'", TableClient.CreateQueryFilter($"{CaseStage.Approved}"));
        Assert.Equal("'x'", TableClient.CreateQueryFilter($"{'x'}"));
        Assert.Equal("null", TableClient.CreateQueryFilter($"{(string?)null}"));
    }

    [Theory]
    [InlineData(1e300)]
    [InlineData(-1.5e-300)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(123456789.123)]
    [InlineData(1.7976931348623157e-5)]
    public void Doubles_are_written_without_an_exponent_and_parse_back_to_the_same_value(double value)
    {
        var literal = TableClient.CreateQueryFilter($"{value}");

        Assert.DoesNotContain("E", literal, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(".", literal, StringComparison.Ordinal);
        Assert.Equal(value, double.Parse(literal, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Numbers_are_formatted_the_same_in_every_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("pl-PL");

            Assert.Equal("Ratio eq 1.5 and Big eq 1234567L", TableClient.CreateQueryFilter($"Ratio eq {1.5} and Big eq {1234567L}"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void A_format_specifier_cannot_change_a_literal()
    {
        var n = 5;
        var name = "O'Brien";

        Assert.Equal("N eq 5 and Name eq 'O''Brien'", TableClient.CreateQueryFilter($"N eq {n:D4} and Name eq {name:X}"));
    }

    [Fact]
    public void Values_without_a_table_literal_are_refused()
    {
        Assert.Throws<NotSupportedException>(() => TableClient.CreateQueryFilter($"Amount eq {1.5m}"));
        Assert.Throws<NotSupportedException>(() => TableClient.CreateQueryFilter($"Ratio eq {double.NaN}"));
        Assert.Throws<NotSupportedException>(() => TableClient.CreateQueryFilter($"Ratio eq {double.PositiveInfinity}"));
        Assert.Throws<NotSupportedException>(() => TableClient.CreateQueryFilter($"X eq {new object()}"));
    }

    [Fact]
    public void An_interpolated_filter_passed_straight_to_QueryAsync_is_a_compile_error()
    {
        // C# binds QueryAsync<T>($"...{value}") to the string overload, pasting the value in raw — in Azure.Data.Tables too.
        // A better-matching handler overload marked [Obsolete(error: true)] turns that call into a compile error instead.
        var guard = typeof(TableClient).GetMethods()
            .Single(m => m.Name == nameof(TableClient.QueryAsync) && m.GetParameters()[0].ParameterType.GetElementType() == typeof(QueryFilterInterpolatedStringHandler));

        var obsolete = Assert.Single(guard.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>());
        Assert.True(obsolete.IsError);
        Assert.Contains("CreateQueryFilter", obsolete.Message, StringComparison.Ordinal);
    }
}
