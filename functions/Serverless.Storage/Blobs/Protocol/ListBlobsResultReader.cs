using System.Globalization;
using System.Xml.Linq;

namespace Serverless.Storage.Blobs;

/// <summary>Reads the XML body of List Blobs: the blobs of one page and the marker of the next.</summary>
internal static class ListBlobsResultReader
{
    public static (List<BlobItem> Items, string? NextMarker) Read(Stream body)
    {
        var root = XDocument.Load(body).Root ?? throw new FormatException("List Blobs returned an empty document.");
        var items = new List<BlobItem>();
        foreach (var blob in root.Element("Blobs")?.Elements("Blob") ?? [])
        {
            items.Add(new BlobItem(Name(blob.Element("Name")), Properties(blob.Element("Properties")), Metadata(blob.Element("Metadata"))));
        }

        return (items, root.Element("NextMarker")?.Value);
    }

    // Names with characters XML cannot carry come percent-encoded and flagged Encoded="true".
    private static string Name(XElement? name) =>
        name is null ? throw new FormatException("A listed blob has no name.")
        : (string?)name.Attribute("Encoded") == "true" ? Uri.UnescapeDataString(name.Value) : name.Value;

    private static BlobItemProperties Properties(XElement? properties)
    {
        string? Text(string name) => properties?.Element(name)?.Value is { Length: > 0 } value ? value : null;
        return new BlobItemProperties
        {
            LastModified = Text("Last-Modified") is { } modified ? BlobHeaders.ParseDate(modified) : null,
            CreatedOn = Text("Creation-Time") is { } created ? BlobHeaders.ParseDate(created) : null,
            ContentLength = Text("Content-Length") is { } length ? long.Parse(length, CultureInfo.InvariantCulture) : null,
            ContentType = Text("Content-Type"),
            ContentEncoding = Text("Content-Encoding"),
            ContentLanguage = Text("Content-Language"),
            ContentDisposition = Text("Content-Disposition"),
            CacheControl = Text("Cache-Control"),
            ContentHash = Text("Content-MD5") is { } md5 ? Convert.FromBase64String(md5) : null,
            BlobType = Text("BlobType") is { } type ? BlobWireValues.BlobType(type) : null,
            LeaseStatus = Text("LeaseStatus") is { } status ? BlobWireValues.LeaseStatus(status) : null,
            LeaseState = Text("LeaseState") is { } state ? BlobWireValues.LeaseState(state) : null,
            LeaseDuration = Text("LeaseDuration") is { } duration ? BlobWireValues.LeaseDuration(duration) : null,
            ETag = Text("Etag") is { } etag ? BlobWireValues.QuotedETag(etag) : null,
        };
    }

    private static IDictionary<string, string> Metadata(XElement? metadata)
    {
        var result = BlobHeaders.EmptyMetadata();
        foreach (var entry in metadata?.Elements() ?? [])
        {
            result[entry.Name.LocalName] = entry.Value;
        }

        return result;
    }
}
