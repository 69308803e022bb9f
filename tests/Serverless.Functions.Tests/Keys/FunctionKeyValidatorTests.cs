using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.Functions.Keys;
using Serverless.Functions.Tests.Support;

namespace Serverless.Functions.Tests.Keys;

public sealed class FunctionKeyValidatorTests
{
    private readonly CountingStore _store = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_key_is_read_from_storage_once_per_cache_period_and_a_revocation_applies_after_it()
    {
        var validator = Validator(Environments.Production);
        await _store.AddAsync(FunctionKeyHash.Compute("key-of-a-csc-operator-0001"), new FunctionKey("k1", "csc-operator", "CSC-1", _clock.GetUtcNow()), default);

        Assert.NotNull(await validator.ValidateAsync("key-of-a-csc-operator-0001", default));
        Assert.NotNull(await validator.ValidateAsync("key-of-a-csc-operator-0001", default));
        Assert.Equal(1, _store.Reads);

        await _store.RevokeAsync("k1", _clock.GetUtcNow(), default);
        Assert.NotNull(await validator.ValidateAsync("key-of-a-csc-operator-0001", default));
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await validator.ValidateAsync("key-of-a-csc-operator-0001", default));
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task Unknown_and_oversized_keys_are_refused_and_oversized_ones_cost_no_read()
    {
        var validator = Validator(Environments.Production);

        Assert.Null(await validator.ValidateAsync("no-such-key-anywhere-000", default));
        Assert.Null(await validator.ValidateAsync(new string('x', 10_000), default));
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Development_keys_from_configuration_count_only_in_development()
    {
        Assert.Equal("verifier", (await Validator(Environments.Development).ValidateAsync("dev-verifier-key-0001", default))?.Role);
        Assert.Null(await Validator(Environments.Production).ValidateAsync("dev-verifier-key-0001", default));
    }

    private FunctionKeyValidator Validator(string environment)
    {
        var options = new FunctionKeysOptions();
        options.Development["dev-verifier"] = new DevelopmentKey { Key = "dev-verifier-key-0001", Role = "verifier", Org = "POE-PUNE" };
        return new FunctionKeyValidator(_store, _clock, Options.Create(options), new Environment(environment));
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }

    private sealed class CountingStore : IFunctionKeyStore
    {
        private readonly InMemoryFunctionKeyStore _inner = new();

        public int Reads { get; private set; }

        public Task<FunctionKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken)
        {
            Reads++;
            return _inner.FindByHashAsync(keyHash, cancellationToken);
        }

        public Task AddAsync(string keyHash, FunctionKey key, CancellationToken cancellationToken) => _inner.AddAsync(keyHash, key, cancellationToken);

        public IAsyncEnumerable<FunctionKey> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

        public Task<bool> RevokeAsync(string keyId, DateTimeOffset revoked, CancellationToken cancellationToken) => _inner.RevokeAsync(keyId, revoked, cancellationToken);
    }
}
