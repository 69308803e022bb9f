using System.Collections.Concurrent;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Tests.Core;

/// <summary>The cap on background requests in flight, against a transport that holds every request until told to answer.</summary>
[Collection(nameof(BackgroundStorageTrafficTests))]
public sealed class BackgroundStorageTrafficTests : IDisposable
{
    private const string ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    private readonly HeldTransport transport = new();
    private readonly TableClient table;

    public BackgroundStorageTrafficTests()
    {
        var options = new StorageClientOptions { Transport = this.transport };
        options.Retry.MaxRetries = 0;
        this.table = new TableClient(ConnectionString, "Held", options);
    }

    public void Dispose() => BackgroundStorageTraffic.MaxConcurrentRequests = 0;

    [Fact]
    public async Task Background_requests_beyond_the_cap_wait_while_interactive_ones_go_straight_through()
    {
        BackgroundStorageTraffic.MaxConcurrentRequests = 2;
        Task[] background = this.StartBackgroundReads(5);

        await this.transport.WaitForAsync(2);
        Task interactive = this.table.GetEntityIfExistsAsync<TableEntity>("fg", "1");
        await this.transport.WaitForAsync(3);

        Assert.False(BackgroundStorageTraffic.IsActive);
        Assert.Equal(2, this.transport.Held.Count(r => r.Contains("'bg'", StringComparison.Ordinal)));
        Assert.Single(this.transport.Held, r => r.Contains("'fg'", StringComparison.Ordinal));

        this.transport.AnswerAll();
        await Task.WhenAll([.. background, interactive]).WaitAsync(TimeSpan.FromSeconds(120));
        Assert.Equal(6, this.transport.Answered);
    }

    [Fact]
    public async Task Without_a_cap_background_requests_do_not_wait()
    {
        BackgroundStorageTraffic.MaxConcurrentRequests = 0;
        Task[] background = this.StartBackgroundReads(5);

        await this.transport.WaitForAsync(5);
        this.transport.AnswerAll();
        await Task.WhenAll(background).WaitAsync(TimeSpan.FromSeconds(120));
    }

    /// <summary>Point reads started as background work (the mark ends with the scope; the reads keep it).</summary>
    private Task[] StartBackgroundReads(int count)
    {
        using (BackgroundStorageTraffic.Begin())
        {
            return [.. Enumerable.Range(0, count).Select(i => Task.Run(() => this.table.GetEntityIfExistsAsync<TableEntity>("bg", i.ToString(System.Globalization.CultureInfo.InvariantCulture))))];
        }
    }

    /// <summary>Holds each request until <see cref="AnswerAll"/>, then answers 404 (entity not found).</summary>
    private sealed class HeldTransport : HttpPipelineTransport
    {
        private readonly ConcurrentDictionary<Request, string> held = new();
        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int answered;

        public IReadOnlyCollection<string> Held => [.. this.held.Values];

        public int Answered => Volatile.Read(ref this.answered);

        public void AnswerAll() => this.answer.TrySetResult();

        public async Task WaitForAsync(int count)
        {
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (this.held.Count < count)
            {
                await Task.Delay(10, giveUp.Token);
            }
        }

        public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

        public override void Process(HttpMessage message) => this.ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message)
        {
            this.held[message.Request] = message.Request.Uri.ToString();
            await this.answer.Task;
            this.held.TryRemove(message.Request, out _);
            Interlocked.Increment(ref this.answered);
            message.Response = new NotFoundResponse();
        }
    }

    private sealed class NotFoundResponse : Response
    {
        public override int Status => 404;

        public override string ReasonPhrase => "Not Found";

        public override Stream? ContentStream { get; set; } = new MemoryStream("{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"value\":\"Not found\"}}}"u8.ToArray());

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => false;

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => [];

        protected override bool TryGetHeader(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
        {
            value = null;
            return false;
        }

        protected override bool TryGetHeaderValues(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = null;
            return false;
        }
    }
}
