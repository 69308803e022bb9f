using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Serverless.Functions.Keys;

/// <summary>Keys kept in process memory: for tests and for hosts run without storage. Lost when the process ends.</summary>
public sealed class InMemoryFunctionKeyStore : IFunctionKeyStore
{
    private readonly ConcurrentDictionary<string, FunctionKey> _byHash = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<FunctionKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken) =>
        Task.FromResult(_byHash.TryGetValue(keyHash, out var key) ? key : null);

    /// <inheritdoc />
    public Task AddAsync(string keyHash, FunctionKey key, CancellationToken cancellationToken)
    {
        if (!_byHash.TryAdd(keyHash, key))
        {
            throw new InvalidOperationException("A key with this hash already exists.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FunctionKey> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask;
        foreach (var key in _byHash.Values.OrderBy(k => k.Created))
        {
            yield return key;
        }
    }

    /// <inheritdoc />
    public Task<bool> RevokeAsync(string keyId, DateTimeOffset revoked, CancellationToken cancellationToken)
    {
        foreach (var (hash, key) in _byHash)
        {
            if (key.KeyId == keyId)
            {
                _byHash[hash] = key with { Revoked = key.Revoked ?? revoked };
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }
}
