using Azure.Core;
using Azure.Core.Pipeline;
using Serverless.Storage.Core;

namespace Serverless.Storage.Tests.Core;

public sealed class SharedKeyAuthenticationPolicyTests
{
    private static readonly StorageSharedKeyCredential Credential = new("acct", "a2V5");

    [Fact]
    public void Canonical_resource_lists_query_names_sorted_lower_cased_with_repeated_values_joined_in_order()
    {
        var request = NewRequest("http://127.0.0.1:10000/acct/my%20container?restype=container&Include=snapshots&comp=list&include=metadata");

        var signed = new SharedKeyAuthenticationPolicy(Credential, StorageService.Blob).BuildStringToSign(request);

        Assert.EndsWith("/acct/acct/my%20container\ncomp:list\ninclude:metadata,snapshots\nrestype:container", signed, StringComparison.Ordinal);
    }

    [Fact]
    public void Ms_headers_are_signed_lower_cased_sorted_and_trimmed()
    {
        var request = NewRequest("http://127.0.0.1:10000/acct/c/b");
        request.Headers.SetValue("x-ms-version", "2021-12-02");
        request.Headers.SetValue("X-Ms-Blob-Type", " BlockBlob ");

        var signed = new SharedKeyAuthenticationPolicy(Credential, StorageService.Blob).BuildStringToSign(request);

        Assert.Contains("x-ms-blob-type:BlockBlob\nx-ms-version:2021-12-02\n/acct/acct/c/b", signed, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_string_to_sign_keeps_only_the_comp_parameter()
    {
        var request = NewRequest("http://127.0.0.1:10002/acct/Tables?comp=acl&$filter=x");

        var signed = new SharedKeyAuthenticationPolicy(Credential, StorageService.Table).BuildTableStringToSign(request, "Sun, 22 Nov 2026 06:00:00 GMT");

        Assert.Equal("GET\n\n\nSun, 22 Nov 2026 06:00:00 GMT\n/acct/acct/Tables?comp=acl", signed);
    }

    private static Request NewRequest(string uri)
    {
        var request = HttpPipelineBuilder.Build(new StorageClientOptions()).CreateRequest();
        request.Method = RequestMethod.Get;
        request.Uri.Reset(new Uri(uri));
        return request;
    }
}
