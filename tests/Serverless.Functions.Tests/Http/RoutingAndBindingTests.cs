using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Serverless.Functions.Tests.Support;
using Serverless.Testing;

namespace Serverless.Functions.Tests.Http;

[Collection(HostCollection.Name)]
public sealed class RoutingAndBindingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = azurite;

    private TestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await TestHost.StartAsync(_azurite, [typeof(RoutingFunctions)], b => b.Services.AddSingleton<Greeter>());

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Route_values_bind_to_parameters_under_the_api_prefix()
    {
        var body = await _host.Client.GetFromJsonAsync<JsonElement>("/api/cases/EM7K2Q/documents/3");

        Assert.Equal("EM7K2Q", body.GetProperty("caseId").GetString());
        Assert.Equal(3, body.GetProperty("number").GetInt32());
        Assert.Equal("GetDocument", body.GetProperty("function").GetString());
        Assert.True(Guid.TryParse(body.GetProperty("invocationId").GetString(), out _));
    }

    [Fact]
    public async Task A_route_constraint_that_does_not_match_answers_404_as_problem_details()
    {
        var response = await _host.Client.GetAsync("/api/cases/EM7K2Q/documents/three");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_method_the_trigger_does_not_list_is_refused()
    {
        var response = await _host.Client.DeleteAsync("/api/cases/EM7K2Q/documents/3");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_json_body_binds_to_a_FromBody_parameter()
    {
        var response = await _host.Client.PostAsJsonAsync("/api/notes", new Note("call back", 2));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("CALL BACK", (await response.Content.ReadFromJsonAsync<Note>())!.Text);
    }

    [Fact]
    public async Task A_malformed_json_body_answers_400_without_echoing_it()
    {
        using var content = new StringContent("{\"text\": 9876543210", System.Text.Encoding.UTF8, "application/json");
        var response = await _host.Client.PostAsync("/api/notes", content);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("9876543210", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_function_class_is_built_through_dependency_injection_and_a_string_result_is_text()
    {
        var response = await _host.Client.GetAsync("/api/greet/Asha");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Hello, Asha", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Invocations_are_counted_by_function_and_outcome()
    {
        var recorded = new System.Collections.Concurrent.ConcurrentBag<(string Function, string Outcome)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Serverless.Functions" && instrument.Name == "functions.invocations")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var values = tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString());
            recorded.Add((values["function"]!, values["outcome"]!));
        });
        listener.Start();

        await _host.Client.GetAsync("/api/greet/Asha");
        await _host.Client.GetAsync("/api/fail");

        Assert.Contains(("Greet", "succeeded"), recorded);
        Assert.Contains(("Fail", "failed"), recorded);
    }

    [Fact]
    public async Task Without_a_route_the_function_name_is_the_route_and_a_value_result_is_json()
    {
        var note = await _host.Client.GetFromJsonAsync<Note>("/api/Plain");

        Assert.Equal(new Note("default route", 1), note);
    }

    [Fact]
    public async Task Action_results_are_executed_as_in_mvc()
    {
        Assert.Equal(new Note("x1", 2), await _host.Client.GetFromJsonAsync<Note>("/api/mvc/x1"));
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Client.GetAsync("/api/mvc/missing")).StatusCode);
    }

    [Fact]
    public async Task A_failing_function_answers_500_problem_details_with_the_invocation_id_and_no_message()
    {
        var response = await _host.Client.GetAsync("/api/fail");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("9876543210", problem.ToString(), StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("invocationId", out _));
    }

    [Fact]
    public async Task A_body_over_the_functions_own_limit_answers_413()
    {
        using var content = new ByteArrayContent(new byte[128 * 1024]);
        var response = await _host.Client.PutAsync("/api/uploads/small", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_large_upload_streams_through_a_function_without_its_own_limit()
    {
        // Sent chunked, with no length up front, so the server cannot have buffered it before the function ran.
        using var content = new StreamContent(new NonSeekableStream(5 * 1024 * 1024));
        var response = await _host.Client.PutAsync("/api/uploads/big", content);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5 * 1024 * 1024, body.GetProperty("bytes").GetInt64());
        Assert.False(body.GetProperty("buffered").GetBoolean());
    }

    [Fact]
    public async Task The_openapi_document_lists_http_functions_with_their_route_values()
    {
        var document = await _host.Client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        var operation = paths.GetProperty("/api/cases/{caseId}/documents/{number}").GetProperty("get");
        Assert.Equal("GetDocument", operation.GetProperty("operationId").GetString());
        Assert.Equal(2, operation.GetProperty("parameters").GetArrayLength());
        Assert.True(paths.GetProperty("/api/notes").GetProperty("post").TryGetProperty("requestBody", out _));
        Assert.True(paths.TryGetProperty("/api/health", out _));
    }

    /// <summary>A stream of zeros that cannot seek, so HttpClient sends it chunked.</summary>
    private sealed class NonSeekableStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
