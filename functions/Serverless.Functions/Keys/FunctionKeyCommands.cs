using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Serverless.Functions.Keys;

/// <summary>The <c>keys</c> verbs of the host's command line: <c>create --role R --org O</c>, <c>list</c>, <c>revoke KEY-ID</c>.</summary>
/// <remarks><c>create</c> prints the new key alone on standard output, once: only its hash is stored.</remarks>
internal sealed partial class FunctionKeyCommands(IFunctionKeyStore store, IOptions<FunctionKeysOptions> options, TimeProvider time)
{
    public const string Usage =
        "usage: keys create --role <role> [--org <org-id>] | keys list | keys revoke <key-id>";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        switch (args.Count > 0 ? args[0] : string.Empty)
        {
            case "create":
                return await CreateAsync(args.Skip(1).ToList(), output, error, cancellationToken);
            case "list":
                await output.WriteLineAsync("KEY ID        ROLE              ORGANISATION      CREATED (UTC)         REVOKED (UTC)");
                await foreach (var key in store.ListAsync(cancellationToken))
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"{key.KeyId,-13} {key.Role,-17} {Dash(key.OrganisationId),-17} {key.Created:yyyy-MM-dd HH:mm:ss}   {(key.Revoked is { } r ? r.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-")}"));
                }

                return 0;
            case "revoke" when args.Count == 2:
                if (await store.RevokeAsync(args[1], time.GetUtcNow(), cancellationToken))
                {
                    await error.WriteLineAsync($"Revoked key {args[1]}; hosts stop accepting it within {options.Value.CacheDuration.TotalSeconds:0} s.");
                    return 0;
                }

                await error.WriteLineAsync($"No key has id '{args[1]}'.");
                return 1;
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private async Task<int> CreateAsync(List<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var role = Option(args, "--role");
        var org = Option(args, "--org") ?? string.Empty;
        if (role is null || !RoleName().IsMatch(role))
        {
            await error.WriteLineAsync("--role is required: lower-case letters, digits and hyphens (e.g. csc-operator).");
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var roles = options.Value.Roles;
        if (roles.Count > 0 && !roles.Contains(role, StringComparer.Ordinal))
        {
            await error.WriteLineAsync($"Unknown role '{role}'; known roles: {string.Join(", ", roles)}.");
            return 2;
        }

        if (role != FunctionRoles.Admin && org.Length == 0)
        {
            await error.WriteLineAsync($"--org is required for role '{role}' (the CSC id, PoE office, centre id or insurer id it acts for).");
            return 2;
        }

        if (org.Length > 0 && !OrganisationId().IsMatch(org))
        {
            await error.WriteLineAsync("--org may hold letters, digits, '.', '_' and '-' (at most 64).");
            return 2;
        }

        var key = FunctionKeyGenerator.NewKey();
        var record = new FunctionKey(FunctionKeyGenerator.NewKeyId(), role, org, time.GetUtcNow());
        await store.AddAsync(FunctionKeyHash.Compute(key), record, cancellationToken);
        await error.WriteLineAsync($"Created key {record.KeyId} for role '{role}'{(org.Length > 0 ? $", organisation '{org}'" : string.Empty)}. It is shown once, below; store it now.");
        await output.WriteLineAsync(key);
        return 0;
    }

    private static string? Option(List<string> args, string name)
    {
        var i = args.IndexOf(name);
        return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
    }

    private static string Dash(string value) => value.Length == 0 ? "-" : value;

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex RoleName();

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex OrganisationId();
}
