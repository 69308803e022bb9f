namespace Serverless.Storage;

/// <summary>
/// A parsed Azure Storage connection string: account credentials and the three service endpoints.
/// </summary>
/// <remarks>
/// Accepts <c>UseDevelopmentStorage=true</c> (Azurite on its default ports),
/// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…</c> (host-style Azure URLs)
/// and explicit <c>BlobEndpoint=</c>/<c>QueueEndpoint=</c>/<c>TableEndpoint=</c> (path-style emulator URLs).
/// </remarks>
public sealed class StorageConnectionString
{
    /// <summary>The account name of the Azurite / storage emulator development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    // Published by Microsoft for the storage emulator and Azurite; it protects nothing.
    private const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageConnectionString(StorageSharedKeyCredential credential, Uri blob, Uri queue, Uri table)
    {
        Credential = credential;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
    }

    /// <summary>The account name and key used to sign requests.</summary>
    public StorageSharedKeyCredential Credential { get; }

    /// <summary>The account name.</summary>
    public string AccountName => Credential.AccountName;

    /// <summary>The blob service endpoint, e.g. <c>http://127.0.0.1:10000/devstoreaccount1</c>.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>Parses a connection string.</summary>
    /// <exception cref="FormatException">The string is not a storage connection string with an account key.</exception>
    public static StorageConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = segment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Connection string segment '{segment.Split('=')[0]}' has no value.");
            }

            parts[segment[..eq].Trim()] = segment[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var host = parts.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? new Uri(proxy) : new Uri("http://127.0.0.1");
            Uri Dev(int port) => new($"{host.Scheme}://{host.Host}:{port}/{DevelopmentAccountName}");
            return new StorageConnectionString(
                new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey), Dev(10000), Dev(10001), Dev(10002));
        }

        if (!parts.TryGetValue("AccountName", out var account) || string.IsNullOrEmpty(account))
        {
            throw new FormatException("Connection string has no AccountName.");
        }

        if (!parts.TryGetValue("AccountKey", out var key) || string.IsNullOrEmpty(key))
        {
            throw new FormatException("Connection string has no AccountKey; only Shared Key authorisation is supported.");
        }

        var protocol = parts.TryGetValue("DefaultEndpointsProtocol", out var p) ? p : "https";
        var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        Uri Endpoint(string name, string service) =>
            parts.TryGetValue(name, out var explicitEndpoint) && !string.IsNullOrEmpty(explicitEndpoint)
                ? new Uri(explicitEndpoint.TrimEnd('/'))
                : new Uri($"{protocol}://{account}.{service}.{suffix}");

        return new StorageConnectionString(
            new StorageSharedKeyCredential(account, key),
            Endpoint("BlobEndpoint", "blob"),
            Endpoint("QueueEndpoint", "queue"),
            Endpoint("TableEndpoint", "table"));
    }

    /// <summary>Builds the connection string for an emulator whose three services listen on the given endpoints.</summary>
    public static string ForEmulator(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint) =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};" +
        $"BlobEndpoint={blobEndpoint};QueueEndpoint={queueEndpoint};TableEndpoint={tableEndpoint};";
}
