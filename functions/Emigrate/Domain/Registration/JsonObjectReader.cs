using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Emigrate.Domain.Registration;

/// <summary>
/// Reads the fields of one JSON object strictly, recording a message per bad field instead of throwing, so one
/// response can list every problem of a request.
/// </summary>
/// <remarks>
/// The body is walked as a <see cref="JsonDocument"/> rather than deserialised: the serializer stops at the first
/// wrong type and cannot say "missing", "wrong type" and "unknown field" for every field at once.
/// </remarks>
internal sealed class JsonObjectReader
{
    internal delegate bool TryParse<T>([NotNullWhen(true)] string? text, [NotNullWhen(true)] out T? value);

    private const string RequiredMessage = "Required.";

    private readonly Dictionary<string, JsonElement> properties;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly string path;
    private readonly FieldErrors errors;

    private JsonObjectReader(Dictionary<string, JsonElement> properties, string path, FieldErrors errors)
    {
        this.properties = properties;
        this.path = path;
        this.errors = errors;
    }

    /// <summary>A reader over <paramref name="element"/>, or null (and an error) when it is not an object.</summary>
    public static JsonObjectReader? Open(JsonElement element, string path, FieldErrors errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(path.Length == 0 ? "$" : path, "Must be an object.");
            return null;
        }

        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            // Two values for one name are read differently by different parsers: refuse rather than pick one.
            if (!properties.TryAdd(property.Name, property.Value))
            {
                errors.Add(Join(path, property.Name), "Appears more than once.");
            }
        }

        return new JsonObjectReader(properties, path, errors);
    }

    public string PathOf(string name) => Join(path, name);

    public void Error(string name, string message) => errors.Add(PathOf(name), message);

    public bool HasError(string name) => errors.Has(PathOf(name));

    /// <summary>A trimmed string without control characters; null (and an error unless optional) when absent.</summary>
    public string? String(string name, int maxLength, bool required = true)
    {
        if (!TryGet(name, required, out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Error(name, "Must be a string.");
            return null;
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Error(name, RequiredMessage);
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Error(name, $"Must be at most {maxLength} characters.");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            Error(name, "Must not contain control characters.");
            return null;
        }

        return text;
    }

    /// <summary>A string parsed into a domain value.</summary>
    public T? Parse<T>(string name, int maxLength, TryParse<T> parse, string invalidMessage, bool required = true)
        where T : class
    {
        var text = String(name, maxLength, required);
        if (text is null)
        {
            return null;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        Error(name, invalidMessage);
        return null;
    }

    /// <summary>A calendar date written <c>yyyy-MM-dd</c>.</summary>
    public DateOnly? Date(string name)
    {
        var text = String(name, maxLength: 10);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        Error(name, "Must be a date written yyyy-mm-dd.");
        return null;
    }

    /// <summary>One of a fixed set of strings, matched exactly.</summary>
    public T? Choice<T>(string name, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = String(name, maxLength: 50);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(name, $"Must be one of: {string.Join(", ", choices.Keys)}.");
        return null;
    }

    /// <summary>A JSON number.</summary>
    public decimal? Decimal(string name)
    {
        if (!TryGet(name, required: true, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            return number;
        }

        Error(name, "Must be a number.");
        return null;
    }

    /// <summary>A JSON number without a fraction.</summary>
    public int? Integer(string name)
    {
        if (!TryGet(name, required: true, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        Error(name, "Must be a whole number.");
        return null;
    }

    /// <summary>A nested object.</summary>
    public JsonObjectReader? Object(string name) =>
        TryGet(name, required: true, out var value) ? Open(value, PathOf(name), errors) : null;

    /// <summary>Counts fields as known without reading them (when which fields apply is undecidable).</summary>
    public void Allow(params string[] names) => read.UnionWith(names);

    /// <summary>Reports every field that nothing read.</summary>
    public void RejectUnknownFields()
    {
        foreach (var name in properties.Keys.Where(n => !read.Contains(n)))
        {
            Error(name, "Unknown field.");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private bool TryGet(string name, bool required, out JsonElement value)
    {
        read.Add(name);
        if (properties.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(name, RequiredMessage);
        }

        return false;
    }
}
