namespace Serverless.Storage.Tables.Transactions;

/// <summary>The few pieces of MIME multipart parsing a transaction response needs.</summary>
internal static class Multipart
{
    /// <summary>The parts between <c>--boundary</c> delimiters, without the preamble and the closing <c>--boundary--</c>.</summary>
    public static IEnumerable<string> Parts(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        var pieces = body.Split(delimiter, StringSplitOptions.None);
        for (var i = 1; i < pieces.Length; i++)
        {
            if (pieces[i].StartsWith("--", StringComparison.Ordinal))
            {
                yield break;
            }

            yield return pieces[i];
        }
    }

    /// <summary>Splits header lines from the content at the first empty line; tolerates LF as well as CRLF.</summary>
    public static (string[] Head, string Body) SplitHead(string text)
    {
        text = text.TrimStart('\r', '\n');
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var separator = 4;
        if (end < 0)
        {
            end = text.IndexOf("\n\n", StringComparison.Ordinal);
            separator = 2;
        }

        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? string.Empty : text[(end + separator)..];
        return (head.Split('\n').Select(l => l.TrimEnd('\r')).ToArray(), body);
    }

    public static string? Header(string[] lines, string name)
    {
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    public static string? Boundary(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }

        foreach (var parameter in contentType.Split(';'))
        {
            var p = parameter.Trim();
            if (p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))
            {
                return p["boundary=".Length..].Trim('"');
            }
        }

        return null;
    }
}
