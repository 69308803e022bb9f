using System.Text.RegularExpressions;

namespace Serverless.Functions.Hosting;

/// <summary>What the command line asks the host to do: serve (the default), manage keys, reset local data, or an app's verb (<see cref="ICommandLineVerb"/>).</summary>
internal sealed partial record HostCommand(string Verb, IReadOnlyList<string> Arguments, bool ResetLocalData)
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
        // A bare word first is a verb; configuration arguments start with "--" or contain "=".
        if (rest.Count > 0 && VerbName().IsMatch(rest[0]))
        {
            return new HostCommand(rest[0], rest.Skip(1).ToList(), reset || rest[0] == Reset);
        }

        return new HostCommand(Serve, rest, reset);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex VerbName();
}
