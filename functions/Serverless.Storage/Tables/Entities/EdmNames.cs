using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Names of the system properties, OData annotations and EDM types on the wire, pre-encoded for the writer.</summary>
internal static class EdmNames
{
    public const string PartitionKey = "PartitionKey";
    public const string RowKey = "RowKey";
    public const string Timestamp = "Timestamp";
    public const string ETag = "odata.etag";
    public const string TypeAnnotationSuffix = "@odata.type";

    public const string Int64 = "Edm.Int64";
    public const string Double = "Edm.Double";
    public const string DateTime = "Edm.DateTime";
    public const string Guid = "Edm.Guid";
    public const string Binary = "Edm.Binary";
    public const string String = "Edm.String";
    public const string Int32 = "Edm.Int32";
    public const string Boolean = "Edm.Boolean";

    public static readonly JsonEncodedText PartitionKeyJson = JsonEncodedText.Encode(PartitionKey);
    public static readonly JsonEncodedText RowKeyJson = JsonEncodedText.Encode(RowKey);
    public static readonly JsonEncodedText Int64Json = JsonEncodedText.Encode(Int64);
    public static readonly JsonEncodedText DoubleJson = JsonEncodedText.Encode(Double);
    public static readonly JsonEncodedText DateTimeJson = JsonEncodedText.Encode(DateTime);
    public static readonly JsonEncodedText GuidJson = JsonEncodedText.Encode(Guid);
    public static readonly JsonEncodedText BinaryJson = JsonEncodedText.Encode(Binary);

    /// <summary>True for the properties the service owns: they are read into the entity but never written.</summary>
    public static bool IsReadOnlySystemProperty(string name) =>
        name is Timestamp || name.StartsWith("odata.", StringComparison.Ordinal);
}
