using System.Diagnostics.CodeAnalysis;
using Azure;
using Azure.Core;

namespace Serverless.Storage.Tables.Transactions;

/// <summary>The response to one action inside an entity-group transaction, cut out of the multipart body.</summary>
internal sealed class BatchItemResponse : Response
{
    private readonly List<HttpHeader> _headers;

    public BatchItemResponse(int status, string reasonPhrase, List<HttpHeader> headers, byte[] content, string clientRequestId)
    {
        Status = status;
        ReasonPhrase = reasonPhrase;
        _headers = headers;
        ContentStream = new MemoryStream(content, 0, content.Length, writable: false, publiclyVisible: true);
        ClientRequestId = clientRequestId;
    }

    public override int Status { get; }

    public override string ReasonPhrase { get; }

    public override Stream? ContentStream { get; set; }

    public override string ClientRequestId { get; set; }

    public override void Dispose() => ContentStream?.Dispose();

    protected override bool ContainsHeader(string name) => TryGetHeader(name, out _);

    protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers;

    protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var header in _headers)
        {
            if (string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = header.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
    {
        values = TryGetHeader(name, out var value) ? [value] : null;
        return values is not null;
    }
}
