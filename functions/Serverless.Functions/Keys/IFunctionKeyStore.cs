namespace Serverless.Functions.Keys;

/// <summary>Where function keys live, hashed. The host's default keeps them in table storage.</summary>
public interface IFunctionKeyStore
{
    /// <summary>The key with this hash (see <see cref="FunctionKeyHash"/>), revoked or not; <see langword="null"/> when unknown.</summary>
    Task<FunctionKey?> FindByHashAsync(string keyHash, CancellationToken cancellationToken);

    /// <summary>Stores a new key under its hash.</summary>
    Task AddAsync(string keyHash, FunctionKey key, CancellationToken cancellationToken);

    /// <summary>Every key, revoked ones included.</summary>
    IAsyncEnumerable<FunctionKey> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key revoked; <see langword="false"/> when no key has that id.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset revoked, CancellationToken cancellationToken);
}
