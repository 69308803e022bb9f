using System.Globalization;
using Serverless.Storage.Tables.Entities;

namespace Serverless.Storage.Tables.Queries;

/// <summary>Formats values as OData literals for table filters, so user input can never change a filter's structure.</summary>
internal static class ODataFilter
{
    /// <summary>The filter with each hole replaced by the OData literal of its argument.</summary>
    public static string Format(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments();
        var literals = new object?[arguments.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            literals[i] = Literal(arguments[i]);
        }

        // Literals are strings, so a hole's format specifier (e.g. {n:N2}) has no effect: the OData form is fixed.
        return string.Format(CultureInfo.InvariantCulture, filter.Format, literals);
    }

    /// <summary>The OData literal of a value: <c>'O''Brien'</c>, <c>42</c>, <c>42L</c>, <c>2.5</c>, <c>true</c>,
    /// <c>datetime'…Z'</c>, <c>guid'…'</c>, <c>X'0a1b'</c>.</summary>
    /// <exception cref="NotSupportedException">The value's type has no table literal.</exception>
    public static string Literal(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        char c => Quote(c.ToString()),
        bool b => b ? "true" : "false",
        int or short or ushort or byte or sbyte => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        long or uint => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture) + "L",
        ulong u when u <= long.MaxValue => u.ToString(CultureInfo.InvariantCulture) + "L",
        double d => Double(d),
        float f => Double(f),
        DateTimeOffset dto => DateTime(dto),
        DateTime dt => DateTime(EdmValues.ToUtc(dt)),
        Guid g => $"guid'{g:D}'",
        byte[] bytes => $"X'{Convert.ToHexStringLower(bytes)}'",
        BinaryData data => $"X'{Convert.ToHexStringLower(data.ToMemory().Span)}'",
        Enum e => Quote(e.ToString()),
        _ => throw new NotSupportedException(
            $"A {value.GetType().Name} cannot be a table filter value; use string, a number, bool, DateTimeOffset, Guid, byte[] or an enum."),
    };

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string DateTime(DateTimeOffset value) =>
        "datetime'" + value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) + "'";

    /// <summary>
    /// Plain decimal digits with a decimal point, never an exponent: the point makes the service compare a Double rather
    /// than an Int32, and OData's exponent form is strict (16 fraction digits) and not parsed by Azurite at all.
    /// </summary>
    private static string Double(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new NotSupportedException($"{value} has no OData literal usable in a table filter.");
        }

        // "R" gives the shortest digits that parse back to the same double; only their layout changes below.
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        var sign = text[0] == '-' ? "-" : string.Empty;
        var mantissa = text[sign.Length..e];
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = mantissa.Replace(".", string.Empty, StringComparison.Ordinal);
        var point = (dot < 0 ? mantissa.Length : dot) + int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return sign + (point <= 0
            ? "0." + new string('0', -point) + digits
            : point >= digits.Length
                ? digits + new string('0', point - digits.Length) + ".0"
                : digits[..point] + "." + digits[point..]);
    }
}
