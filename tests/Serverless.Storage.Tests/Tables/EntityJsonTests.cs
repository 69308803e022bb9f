using System.Text;
using Serverless.Storage.Tables;
using Serverless.Storage.Tables.Entities;

namespace Serverless.Storage.Tests.Tables;

/// <summary>Wire formats Azure sends that Azurite does not, read without a server.</summary>
public sealed class EntityJsonTests
{
    // The minimal-metadata entity of the Azure Table service REST reference ("Query Entities", JSON sample).
    private const string AzureSample =
        """
        {"odata.metadata":"https://myaccount.table.core.windows.net/$metadata#Customers/@Element",
         "odata.etag":"W/\"0x5B168C7B6E589D2\"","PartitionKey":"mypartitionkey","RowKey":"myrowkey",
         "Timestamp":"2013-08-22T01:12:06.2608595Z","Address":"Mountain View","Age":23,"AmountDue":200.23,
         "CustomerCode@odata.type":"Edm.Guid","CustomerCode":"c9da6455-213d-42c9-9a79-3e9149a57833",
         "CustomerSince@odata.type":"Edm.DateTime","CustomerSince":"2008-07-10T00:00:00Z","IsActive":true,
         "NumberOfOrders@odata.type":"Edm.Int64","NumberOfOrders":"255"}
        """;

    [Fact]
    public void Azure_minimal_metadata_entity_is_read_with_its_edm_types()
    {
        var entity = EntityJson.Read<TableEntity>(Encoding.UTF8.GetBytes(AzureSample));

        Assert.Equal("mypartitionkey", entity.PartitionKey);
        Assert.Equal("W/\"0x5B168C7B6E589D2\"", entity.ETag.ToString());
        Assert.Equal(new DateTimeOffset(2013, 8, 22, 1, 12, 6, TimeSpan.Zero).AddTicks(2_608_595), entity.Timestamp);
        Assert.Equal(23, Assert.IsType<int>(entity["Age"]));
        Assert.Equal(200.23, Assert.IsType<double>(entity["AmountDue"]));
        Assert.Equal(Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833"), Assert.IsType<Guid>(entity["CustomerCode"]));
        Assert.Equal(new DateTimeOffset(2008, 7, 10, 0, 0, 0, TimeSpan.Zero), Assert.IsType<DateTimeOffset>(entity["CustomerSince"]));
        Assert.Equal(255L, Assert.IsType<long>(entity["NumberOfOrders"]));
        Assert.False(entity.ContainsKey("odata.metadata"));
    }

    [Fact]
    public void An_annotation_after_its_value_still_types_the_value()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","Big":"9007199254740993","Big@odata.type":"Edm.Int64","D":3,"D@odata.type":"Edm.Double"}""";

        var entity = EntityJson.Read<TableEntity>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(9007199254740993L, Assert.IsType<long>(entity["Big"]));
        Assert.Equal(3.0, Assert.IsType<double>(entity["D"]));
    }

    [Fact]
    public void A_date_without_an_offset_is_read_as_utc_as_the_service_treats_it()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","Value@odata.type":"Edm.DateTime","Value":"2012-01-02T23:00:00"}""";

        var typed = EntityJson.Read<ValueEntity<DateTimeOffset>>(Encoding.UTF8.GetBytes(json));

        Assert.Equal(new DateTimeOffset(2012, 1, 2, 23, 0, 0, TimeSpan.Zero), typed.Value);
        Assert.Equal(TimeSpan.Zero, typed.Value.Offset);
    }

    [Fact]
    public void A_typed_entity_reads_widened_and_string_encoded_numbers()
    {
        var json = """{"PartitionKey":"p","RowKey":"r","Value":7}""";

        Assert.Equal(7L, EntityJson.Read<ValueEntity<long>>(Encoding.UTF8.GetBytes(json)).Value);
        Assert.Equal(7.0, EntityJson.Read<ValueEntity<double>>(Encoding.UTF8.GetBytes(json)).Value);
        Assert.Equal(double.NaN, EntityJson.Read<ValueEntity<double>>("""{"Value@odata.type":"Edm.Double","Value":"NaN"}"""u8).Value);
    }

    [Fact]
    public void A_value_that_does_not_fit_the_property_names_the_property()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => EntityJson.Read<ValueEntity<Guid>>("""{"PartitionKey":"p","RowKey":"r","Value":"not a guid"}"""u8));

        Assert.Contains("'Value'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Doubles_are_annotated_only_when_json_would_make_them_int32_or_cannot_hold_them()
    {
        var json = Encoding.UTF8.GetString(EntityJson.Serialize(new TableEntity("p", "r") { ["A"] = 3.0, ["B"] = 0.5, ["C"] = double.NegativeInfinity }).Span);

        Assert.Equal(
            """{"PartitionKey":"p","RowKey":"r","A@odata.type":"Edm.Double","A":3,"B":0.5,"C@odata.type":"Edm.Double","C":"-Infinity"}""",
            json);
    }

    [Fact]
    public void Int64_travels_as_an_annotated_string_and_dates_as_utc_with_seven_digits()
    {
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(1)).AddTicks(1);
        var json = Encoding.UTF8.GetString(EntityJson.Serialize(new TableEntity("p", "r") { ["N"] = long.MaxValue, ["W"] = when }).Span);

        Assert.Equal(
            """{"PartitionKey":"p","RowKey":"r","N@odata.type":"Edm.Int64","N":"9223372036854775807","W@odata.type":"Edm.DateTime","W":"2024-01-02T02:04:05.0000001Z"}""",
            json);
    }

    [Fact]
    public void Read_only_system_properties_are_never_written()
    {
        var entity = new TableEntity("p", "r") { Timestamp = DateTimeOffset.UnixEpoch, ETag = new Azure.ETag("W/\"x\"") };

        Assert.Equal("""{"PartitionKey":"p","RowKey":"r"}""", Encoding.UTF8.GetString(EntityJson.Serialize(entity).Span));
    }
}
