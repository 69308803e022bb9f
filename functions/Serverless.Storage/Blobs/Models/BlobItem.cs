namespace Serverless.Storage.Blobs;

/// <summary>One blob of a listing.</summary>
public class BlobItem
{
    internal BlobItem(string name, BlobItemProperties properties, IDictionary<string, string> metadata)
    {
        Name = name;
        Properties = properties;
        Metadata = metadata;
    }

    /// <summary>The blob's name within its container.</summary>
    public string Name { get; }

    /// <summary>The blob's system properties.</summary>
    public BlobItemProperties Properties { get; }

    /// <summary>User-defined metadata when the listing asked for <see cref="BlobTraits.Metadata"/>; otherwise empty.</summary>
    public IDictionary<string, string> Metadata { get; }
}
