using Serverless.Storage.Tables;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Tables;

/// <summary>A test class with its own uniquely named table, created before its tests and deleted after them.</summary>
public abstract class TableTestBase(AzuriteFixture fixture, string prefix) : IAsyncLifetime
{
    protected AzuriteFixture Fixture { get; } = fixture;

    protected TableClient Table { get; } = new(fixture.ConnectionString, UniqueNames.Table(prefix));

    public virtual async Task InitializeAsync() => await Table.CreateIfNotExistsAsync();

    public virtual async Task DisposeAsync() => await Table.DeleteAsync();

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
