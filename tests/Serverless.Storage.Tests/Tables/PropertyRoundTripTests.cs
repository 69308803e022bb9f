using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class PropertyRoundTripTests(AzuriteFixture fixture) : TableTestBase(fixture, "props")
{
    private static readonly DateTimeOffset Precise = new DateTimeOffset(2024, 2, 29, 23, 59, 58, TimeSpan.Zero).AddTicks(1_234_567);

    public static TheoryData<double> Doubles => new()
    {
        3.0, 0.0, -7.0, 0.1, -2.5e-300, 1e21, 123456789012345680000.0, double.MaxValue, double.MinValue, double.Epsilon,
        Math.PI, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
    };

    public static TheoryData<long> Longs => new()
    {
        0L, 1L, -1L, (1L << 53) + 1, -((1L << 53) + 1), long.MaxValue, long.MinValue, int.MaxValue + 1L,
    };

    public static TheoryData<DateTimeOffset> Instants => new()
    {
        Precise,
        Precise.AddTicks(1),
        new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(9_999_999),
    };

    [Theory]
    [MemberData(nameof(Doubles))]
    public async Task Double_values_round_trip_bit_for_bit_and_stay_doubles(double value)
    {
        var key = RowKeyFor(value);
        await Table.AddEntityAsync(new TableEntity("double", key) { ["Value"] = value });

        var dictionary = (await Table.GetEntityAsync<TableEntity>("double", key)).Value;
        var typed = (await Table.GetEntityAsync<ValueEntity<double>>("double", key)).Value;

        var read = Assert.IsType<double>(dictionary["Value"]);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(read));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(typed.Value));
    }

    [Theory]
    [MemberData(nameof(Longs))]
    public async Task Int64_values_round_trip_exactly_beyond_two_to_the_53(long value)
    {
        var key = RowKeyFor(value);
        await Table.AddEntityAsync(new ValueEntity<long> { PartitionKey = "long", RowKey = key, Value = value });

        var dictionary = (await Table.GetEntityAsync<TableEntity>("long", key)).Value;
        var typed = (await Table.GetEntityAsync<ValueEntity<long>>("long", key)).Value;

        Assert.Equal(value, Assert.IsType<long>(dictionary["Value"]));
        Assert.Equal(value, typed.Value);
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task DateTimeOffset_values_round_trip_with_full_100_ns_precision_in_utc(DateTimeOffset value)
    {
        var key = value.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Table.AddEntityAsync(new TableEntity("instant", key) { ["Value"] = value });

        var dictionary = (await Table.GetEntityAsync<TableEntity>("instant", key)).Value;
        var typed = (await Table.GetEntityAsync<ValueEntity<DateTimeOffset>>("instant", key)).Value;

        var read = Assert.IsType<DateTimeOffset>(dictionary["Value"]);
        Assert.Equal(value.UtcTicks, read.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.Offset);
        Assert.Equal(value.UtcTicks, typed.Value.UtcTicks);
    }

    [Fact]
    public async Task DateTimeOffset_with_an_offset_is_stored_as_the_same_instant_in_utc()
    {
        var local = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(7);
        await Table.AddEntityAsync(new ValueEntity<DateTimeOffset> { PartitionKey = "instant", RowKey = "offset", Value = local });

        var read = (await Table.GetEntityAsync<ValueEntity<DateTimeOffset>>("instant", "offset")).Value.Value;

        Assert.Equal(local.UtcTicks, read.UtcTicks);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public async Task DateTime_properties_are_stored_as_utc_instants_and_read_back_as_utc()
    {
        var utc = new DateTime(2024, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(8);
        var local = utc.ToLocalTime();
        await Table.AddEntityAsync(new ValueEntity<DateTime> { PartitionKey = "datetime", RowKey = "utc", Value = utc });
        await Table.AddEntityAsync(new ValueEntity<DateTime> { PartitionKey = "datetime", RowKey = "local", Value = local });

        var fromUtc = (await Table.GetEntityAsync<ValueEntity<DateTime>>("datetime", "utc")).Value.Value;
        var fromLocal = (await Table.GetEntityAsync<ValueEntity<DateTime>>("datetime", "local")).Value.Value;

        Assert.Equal((utc, DateTimeKind.Utc), (fromUtc, fromUtc.Kind));
        Assert.Equal((utc, DateTimeKind.Utc), (fromLocal, fromLocal.Kind));
        Assert.Equal(new DateTimeOffset(utc), (await Table.GetEntityAsync<TableEntity>("datetime", "utc")).Value.GetDateTimeOffset("Value"));
    }

    [Fact]
    public async Task Every_property_type_of_a_dictionary_entity_round_trips_with_its_type()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        byte[] bytes = [0, 1, 2, 127, 128, 254, 255];
        var entity = new TableEntity("dict", "all")
        {
            ["Text"] = "naïve \"quoted\" 'single' \n line \u2028 end",
            ["Int32"] = int.MinValue,
            ["Int64"] = long.MaxValue,
            ["Double"] = 3.0,
            ["Flag"] = true,
            ["When"] = Precise,
            ["Id"] = id,
            ["Bytes"] = bytes,
            ["Data"] = new BinaryData(bytes.Reverse().ToArray()),
            ["Stage"] = CaseStage.Approved,
            ["Skipped"] = null,
        };

        await Table.AddEntityAsync(entity);
        var read = (await Table.GetEntityAsync<TableEntity>("dict", "all")).Value;

        Assert.Equal("naïve \"quoted\" 'single' \n line \u2028 end", Assert.IsType<string>(read["Text"]));
        Assert.Equal(int.MinValue, Assert.IsType<int>(read["Int32"]));
        Assert.Equal(long.MaxValue, Assert.IsType<long>(read["Int64"]));
        Assert.Equal(3.0, Assert.IsType<double>(read["Double"]));
        Assert.True(Assert.IsType<bool>(read["Flag"]));
        Assert.Equal(Precise, Assert.IsType<DateTimeOffset>(read["When"]));
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(bytes, read.GetBinary("Bytes"));
        Assert.Equal(bytes.Reverse().ToArray(), read.GetBinaryData("Data")!.ToArray());
        Assert.Equal("Approved", read.GetString("Stage"));
        Assert.False(read.ContainsKey("Skipped"));
        Assert.Equal("dict", read.PartitionKey);
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Every_property_of_a_typed_entity_round_trips_exactly()
    {
        var written = FullEntity("typed", "all");

        await Table.AddEntityAsync(written);
        var read = (await Table.GetEntityAsync<AllTypesEntity>("typed", "all")).Value;

        AssertSameValues(written, read);
        Assert.NotEqual(default, read.ETag);
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Null_properties_of_a_typed_entity_are_not_stored_and_read_back_as_null()
    {
        await Table.AddEntityAsync(new AllTypesEntity { PartitionKey = "typed", RowKey = "nulls" });

        var dictionary = (await Table.GetEntityAsync<TableEntity>("typed", "nulls")).Value;
        var typed = (await Table.GetEntityAsync<AllTypesEntity>("typed", "nulls")).Value;

        Assert.DoesNotContain("Text", dictionary.Keys);
        Assert.DoesNotContain("MaybeInt64", dictionary.Keys);
        Assert.Null(typed.Text);
        Assert.Null(typed.MaybeInt64);
        Assert.Null(typed.MaybeWhen);
        Assert.Null(typed.Bytes);
    }

    [Fact]
    public async Task Typed_entity_is_stored_with_the_edm_types_a_dictionary_reader_sees()
    {
        await Table.AddEntityAsync(FullEntity("typed", "wire"));

        var read = (await Table.GetEntityAsync<TableEntity>("typed", "wire")).Value;

        Assert.IsType<long>(read["Int64"]);
        Assert.IsType<long>(read["MaybeInt64"]);
        Assert.IsType<double>(read["Double"]);
        Assert.IsType<DateTimeOffset>(read["When"]);
        Assert.IsType<Guid>(read["Id"]);
        Assert.IsType<byte[]>(read["Bytes"]);
        Assert.Equal("InReview", read["Stage"]);
        Assert.Equal("under another name", read["renamed"]);
        Assert.DoesNotContain("NotStored", read.Keys);
        Assert.DoesNotContain("Computed", read.Keys);
        Assert.DoesNotContain("StoredUnderAnotherName", read.Keys);
    }

    [Fact]
    public async Task A_property_type_a_table_cannot_store_is_rejected_before_sending()
    {
        var entity = new TableEntity("bad", "decimal") { ["Amount"] = 1.5m };

        await Assert.ThrowsAsync<NotSupportedException>(() => Table.AddEntityAsync(entity));
        Assert.False((await Table.GetEntityIfExistsAsync<TableEntity>("bad", "decimal")).HasValue);
    }

    internal static AllTypesEntity FullEntity(string partitionKey, string rowKey) => new()
    {
        PartitionKey = partitionKey,
        RowKey = rowKey,
        Text = "O'Brien said \"hi\" ✓",
        Int32 = -42,
        Int64 = (1L << 60) + 3,
        Double = 2.0,
        Flag = true,
        When = Precise,
        Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        Bytes = [1, 2, 3, 0, 255],
        Data = new BinaryData(new byte[] { 9, 8, 7 }),
        Stage = CaseStage.InReview,
        MaybeInt32 = 0,
        MaybeInt64 = long.MinValue,
        MaybeDouble = -0.5,
        MaybeFlag = false,
        MaybeWhen = Precise.AddTicks(1),
        MaybeId = Guid.Empty,
        MaybeStage = CaseStage.Submitted,
        StoredUnderAnotherName = "under another name",
        NotStored = "ignored",
    };

    internal static void AssertSameValues(AllTypesEntity expected, AllTypesEntity actual)
    {
        Assert.Equal(expected.PartitionKey, actual.PartitionKey);
        Assert.Equal(expected.RowKey, actual.RowKey);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Int32, actual.Int32);
        Assert.Equal(expected.Int64, actual.Int64);
        Assert.Equal(expected.Double, actual.Double);
        Assert.Equal(expected.Flag, actual.Flag);
        Assert.Equal(expected.When.UtcTicks, actual.When.UtcTicks);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Bytes, actual.Bytes);
        Assert.Equal(expected.Data!.ToArray(), actual.Data!.ToArray());
        Assert.Equal(expected.Stage, actual.Stage);
        Assert.Equal(expected.MaybeInt32, actual.MaybeInt32);
        Assert.Equal(expected.MaybeInt64, actual.MaybeInt64);
        Assert.Equal(expected.MaybeDouble, actual.MaybeDouble);
        Assert.Equal(expected.MaybeFlag, actual.MaybeFlag);
        Assert.Equal(expected.MaybeWhen?.UtcTicks, actual.MaybeWhen?.UtcTicks);
        Assert.Equal(expected.MaybeId, actual.MaybeId);
        Assert.Equal(expected.MaybeStage, actual.MaybeStage);
        Assert.Equal(expected.StoredUnderAnotherName, actual.StoredUnderAnotherName);
        Assert.Null(actual.NotStored);
    }

    private static string RowKeyFor(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16", System.Globalization.CultureInfo.InvariantCulture);

    private static string RowKeyFor(long value) => value.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
}
