using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Keys;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Keys;

[Collection(HostCollection.Name)]
public sealed class KeyAuthorizationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;

    private TestHost _host = null!;
    private string _csc = null!;
    private string _verifier = null!;
    private string _admin = null!;
    private string _revoked = null!;

    public async Task InitializeAsync()
    {
        _host = await TestHost.StartAsync(_azurite, [typeof(KeyedFunctions)]);
        _csc = await CreateKeyAsync("csc-operator", "CSC-0042");
        _verifier = await CreateKeyAsync("verifier", "POE-MUMBAI");
        _admin = await CreateKeyAsync("admin", string.Empty);
        _revoked = await CreateKeyAsync("csc-operator", "CSC-0042");
        var keyId = await ListedIdOfLastKeyAsync();
        var commands = _host.Services.GetRequiredService<FunctionKeyCommands>();
        Assert.Equal(0, await commands.RunAsync(["revoke", keyId], TextWriter.Null, TextWriter.Null, default));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode> Matrix => new()
    {
        // function path, key ("none", "wrong", "csc", "verifier", "admin", "revoked"), expected status
        { "GET /api/cases/EM1", "none", HttpStatusCode.Unauthorized },
        { "GET /api/cases/EM1", "wrong", HttpStatusCode.Unauthorized },
        { "GET /api/cases/EM1", "revoked", HttpStatusCode.Unauthorized },
        { "GET /api/cases/EM1", "verifier", HttpStatusCode.Forbidden },
        { "GET /api/cases/EM1", "admin", HttpStatusCode.Forbidden },
        { "GET /api/cases/EM1", "csc", HttpStatusCode.OK },
        { "POST /api/cases/EM1/verify", "csc", HttpStatusCode.Forbidden },
        { "POST /api/cases/EM1/verify", "verifier", HttpStatusCode.NoContent },
        { "POST /api/cases/EM1/verify", "none", HttpStatusCode.Unauthorized },
        { "GET /api/any", "csc", HttpStatusCode.OK },
        { "GET /api/any", "verifier", HttpStatusCode.OK },
        { "GET /api/any", "wrong", HttpStatusCode.Unauthorized },
        { "GET /api/admin/things", "csc", HttpStatusCode.Forbidden },
        { "GET /api/admin/things", "none", HttpStatusCode.Unauthorized },
        { "GET /api/admin/things", "admin", HttpStatusCode.OK },
        { "GET /api/open", "none", HttpStatusCode.OK },
        { "GET /api/open", "wrong", HttpStatusCode.OK },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_function_answers_by_key_and_role(string call, string key, HttpStatusCode expected)
    {
        var (method, path) = (call.Split(' ')[0], call.Split(' ')[1]);
        using var request = _host.Request(new HttpMethod(method), path, KeyFor(key));
        var response = await _host.Client.SendAsync(request);

        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            await ProblemAssert.IsProblemAsync(response, expected);
        }
        else
        {
            Assert.Equal(expected, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_code_query_parameter_is_accepted_like_the_header()
    {
        var response = await _host.Client.GetAsync($"/api/cases/EM1?code={Uri.EscapeDataString(_csc)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_caller_role_and_organisation_reach_the_function_as_claims()
    {
        using var request = _host.Request(HttpMethod.Get, "/api/cases/EM1", _csc);
        var body = await (await _host.Client.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("csc-operator", body.GetProperty("role").GetString());
        Assert.Equal("CSC-0042", body.GetProperty("organisationId").GetString());
        Assert.StartsWith("k", body.GetProperty("keyId").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("isInRole").GetBoolean());
    }

    [Fact]
    public async Task A_401_for_a_missing_resource_reads_exactly_as_for_an_existing_one()
    {
        using var existing = _host.Request(HttpMethod.Get, "/api/cases/EM1", "wrong-key-wrong-key-wrong");
        using var missing = _host.Request(HttpMethod.Get, "/api/cases/NO-SUCH-CASE", "wrong-key-wrong-key-wrong");

        var a = await ProblemAssert.IsProblemAsync(await _host.Client.SendAsync(existing), HttpStatusCode.Unauthorized);
        var b = await ProblemAssert.IsProblemAsync(await _host.Client.SendAsync(missing), HttpStatusCode.Unauthorized);
        Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_declares_the_key_scheme_on_keyed_functions_only()
    {
        var document = await _host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("functionKey");
        Assert.Equal("x-functions-key", scheme.GetProperty("name").GetString());
        var paths = document.GetProperty("paths");
        var keyed = paths.GetProperty("/api/cases/{caseId}").GetProperty("get");
        Assert.True(keyed.TryGetProperty("security", out _));
        Assert.Contains("csc-operator", keyed.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(paths.GetProperty("/api/open").GetProperty("get").TryGetProperty("security", out _));
    }

    private string? KeyFor(string name) => name switch
    {
        "none" => null,
        "wrong" => "this-is-not-a-key-of-this-host",
        "csc" => _csc,
        "verifier" => _verifier,
        "admin" => _admin,
        "revoked" => _revoked,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private async Task<string> CreateKeyAsync(string role, string org)
    {
        var output = new StringWriter();
        var args = org.Length == 0 ? new[] { "create", "--role", role } : ["create", "--role", role, "--org", org];
        Assert.Equal(0, await _host.Services.GetRequiredService<FunctionKeyCommands>().RunAsync(args, output, TextWriter.Null, default));
        return output.ToString().Trim();
    }

    private async Task<string> ListedIdOfLastKeyAsync()
    {
        var output = new StringWriter();
        await _host.Services.GetRequiredService<FunctionKeyCommands>().RunAsync(["list"], output, TextWriter.Null, default);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Split(' ')[0];
    }
}
