using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Serverless.Functions.Keys;

/// <summary>Turns a presented key into the <see cref="FunctionKey"/> it stands for, with at most one point read per key and cache period.</summary>
internal sealed class FunctionKeyValidator
{
    // Bounds memory when someone sprays random keys: the cache is simply emptied when it grows past this.
    private const int MaxCachedKeys = 10_000;
    private const int MaxKeyLength = 256;

    private readonly IFunctionKeyStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _cacheDuration;
    private readonly Dictionary<string, FunctionKey> _development = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (FunctionKey? Key, DateTimeOffset Expires)> _cache = new(StringComparer.Ordinal);

    public FunctionKeyValidator(IFunctionKeyStore store, TimeProvider time, IOptions<FunctionKeysOptions> options, IHostEnvironment environment)
    {
        _store = store;
        _time = time;
        _cacheDuration = options.Value.CacheDuration;
        if (environment.IsDevelopment())
        {
            foreach (var (id, dev) in options.Value.Development)
            {
                _development[FunctionKeyHash.Compute(dev.Key)] = new FunctionKey(id, dev.Role, dev.Org, DateTimeOffset.UnixEpoch);
            }
        }
    }

    /// <summary>The active key, or <see langword="null"/> when the key is unknown or revoked.</summary>
    public async ValueTask<FunctionKey?> ValidateAsync(string key, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return null;
        }

        var hash = FunctionKeyHash.Compute(key);
        if (_development.TryGetValue(hash, out var development))
        {
            return development;
        }

        var now = _time.GetUtcNow();
        if (!_cache.TryGetValue(hash, out var cached) || cached.Expires <= now)
        {
            cached = (await _store.FindByHashAsync(hash, cancellationToken), now + _cacheDuration);
            if (_cache.Count >= MaxCachedKeys)
            {
                _cache.Clear();
            }

            _cache[hash] = cached;
        }

        return cached.Key is { IsActive: true } active ? active : null;
    }

    /// <summary>Forgets a cached key so a revocation made by this process applies at once.</summary>
    public void Forget() => _cache.Clear();
}
