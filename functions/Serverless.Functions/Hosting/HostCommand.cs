namespace Serverless.Functions.Hosting;

/// <summary>What the command line asks the host to do: serve (the default), manage keys, or reset local data.</summary>
internal sealed record HostCommand(string Verb, IReadOnlyList<string> Arguments, bool ResetLocalData)
{
    public const string Serve = "serve";
    public const string Keys = "keys";
    public const string Reset = "reset";
    public const string ResetFlag = "--reset-local-data";

    public bool IsServe => Verb == Serve;

    /// <summary>Splits the verb (if any) from the arguments; configuration arguments (<c>--key value</c>) stay for serving.</summary>
    public static HostCommand Parse(IReadOnlyList<string> args)
    {
        var reset = args.Contains(ResetFlag, StringComparer.Ordinal);
        var rest = args.Where(a => a != ResetFlag).ToList();
        if (rest.Count > 0 && rest[0] is Keys or Reset)
        {
            return new HostCommand(rest[0], rest.Skip(1).ToList(), reset || rest[0] == Reset);
        }

        return new HostCommand(Serve, rest, reset);
    }
}
