using System.Globalization;
using System.Text.RegularExpressions;

namespace Serverless.Testing;

/// <summary>Reads the port a host process bound from its log, for a host started on port 0.</summary>
/// <remarks>
/// A port the test finds free and hands to a process can be taken before the process binds it (by the ephemeral port
/// of any outgoing connection on the machine, or another host); port 0, read back from the log, cannot collide.
/// </remarks>
public static partial class ListeningPort
{
    /// <summary>The port of the host's "Now listening on: http://127.0.0.1:{port}" line.</summary>
    /// <param name="output">What the host has written so far.</param>
    /// <returns>The port, or <see langword="null"/> while the host has not logged it yet.</returns>
    public static int? Find(string output)
    {
        var match = Line().Match(output);
        return match.Success ? int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"Now listening on: http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Line();
}
