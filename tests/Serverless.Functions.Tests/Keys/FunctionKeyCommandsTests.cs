using Serverless.Functions.Keys;

namespace Serverless.Functions.Tests.Keys;

public sealed class FunctionKeyCommandsTests
{
    private readonly InMemoryFunctionKeyStore _store = new();

    private FunctionKeyCommands Commands(params string[] roles)
    {
        var options = new FunctionKeysOptions();
        foreach (var role in roles)
        {
            options.Roles.Add(role);
        }

        return new FunctionKeyCommands(_store, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
    }

    [Fact]
    public async Task Create_prints_the_new_key_alone_and_stores_only_its_hash()
    {
        var output = new StringWriter();

        var exit = await Commands().RunAsync(["create", "--role", "csc-operator", "--org", "CSC-0001"], output, TextWriter.Null, default);

        Assert.Equal(0, exit);
        var key = output.ToString();
        Assert.Matches("^[A-Za-z0-9_-]{43}\n$", key.Replace("\r", string.Empty, StringComparison.Ordinal));
        var stored = await _store.FindByHashAsync(FunctionKeyHash.Compute(key.Trim()), default);
        Assert.Equal(("csc-operator", "CSC-0001"), (stored!.Role, stored.OrganisationId));
    }

    [Fact]
    public async Task List_shows_ids_roles_and_organisations_but_never_a_key()
    {
        var created = new StringWriter();
        await Commands().RunAsync(["create", "--role", "insurer", "--org", "INS-7"], created, TextWriter.Null, default);
        var listed = new StringWriter();

        await Commands().RunAsync(["list"], listed, TextWriter.Null, default);

        Assert.Contains("insurer", listed.ToString(), StringComparison.Ordinal);
        Assert.Contains("INS-7", listed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(created.ToString().Trim(), listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoke_marks_the_key_and_an_unknown_id_fails()
    {
        await Commands().RunAsync(["create", "--role", "verifier", "--org", "POE-DELHI"], TextWriter.Null, TextWriter.Null, default);
        var id = (await _store.ListAsync(default).FirstAsync()).KeyId;

        Assert.Equal(0, await Commands().RunAsync(["revoke", id], TextWriter.Null, TextWriter.Null, default));
        Assert.False((await _store.ListAsync(default).FirstAsync()).IsActive);
        Assert.Equal(1, await Commands().RunAsync(["revoke", "k-nope"], TextWriter.Null, TextWriter.Null, default));
    }

    [Theory]
    [InlineData("create", "--role", "Bad Role", "--org", "X")]
    [InlineData("create", "--role", "csc-operator")]
    [InlineData("create", "--role", "csc-operator", "--org", "has space")]
    [InlineData("create", "--role", "astronaut", "--org", "X")]
    [InlineData("frobnicate")]
    public async Task Bad_arguments_exit_with_usage_and_create_nothing(params string[] args)
    {
        var output = new StringWriter();

        var exit = await Commands("csc-operator", "verifier").RunAsync(args, output, TextWriter.Null, default);

        Assert.Equal(2, exit);
        Assert.Empty(output.ToString());
        Assert.Empty(await _store.ListAsync(default).ToListAsync());
    }
}
