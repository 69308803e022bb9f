using System.Text;

namespace Emigrate.Import;

/// <summary>One record of a CSV file.</summary>
/// <param name="Line">The line it starts on (1 = the header).</param>
/// <param name="Fields">Its fields, unquoted.</param>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>Reads RFC 4180 CSV: comma-separated, fields optionally in double quotes (which may hold commas, line breaks and doubled quotes); LF or CRLF; a UTF-8 BOM is skipped.</summary>
public static class CsvReader
{
    /// <summary>The records of <paramref name="reader"/>; blank lines are skipped.</summary>
    /// <exception cref="FormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IEnumerable<CsvRecord> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var start = 1;
        var quoted = false;
        var afterQuote = false;
        var any = false;
        int c;
        if (reader.Peek() == '\uFEFF')
        {
            reader.Read();
        }

        while ((c = reader.Read()) != -1)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !afterQuote:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    any = true;
                    break;
                case '\r' when reader.Peek() == '\n':
                    break;
                case '\n' or '\r':
                    if (any || field.Length > 0)
                    {
                        fields.Add(field.ToString());
                        yield return new CsvRecord(start, fields.ToArray());
                    }

                    fields.Clear();
                    field.Clear();
                    afterQuote = false;
                    any = false;
                    line++;
                    start = line;
                    break;
                default:
                    if (afterQuote)
                    {
                        throw new FormatException($"Line {line}: text after a closing quote.");
                    }

                    field.Append(ch);
                    any = true;
                    break;
            }
        }

        if (quoted)
        {
            throw new FormatException($"Line {start}: a quoted field is not closed.");
        }

        if (any || field.Length > 0)
        {
            fields.Add(field.ToString());
            yield return new CsvRecord(start, fields.ToArray());
        }
    }

    /// <summary>A field as CSV: quoted when it holds a comma, quote or line break.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
