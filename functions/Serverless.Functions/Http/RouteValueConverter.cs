using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Serverless.Functions.Http;

/// <summary>Converts a route value (always text on the wire) to a parameter's type.</summary>
internal static class RouteValueConverter
{
    public static bool CanConvert(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target == typeof(string) || TypeDescriptor.GetConverter(target).CanConvertFrom(typeof(string));
    }

    /// <exception cref="BadHttpRequestException">The value is not of the parameter's type (answered as 400).</exception>
    public static object? Convert(string? value, Type type, string name)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (value is null)
        {
            return type.IsValueType && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        if (target == typeof(string))
        {
            return value;
        }

        try
        {
            return TypeDescriptor.GetConverter(target).ConvertFromString(null, CultureInfo.InvariantCulture, value);
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException or OverflowException)
        {
            throw new BadHttpRequestException($"Route value '{name}' is not a valid {target.Name}.", StatusCodes.Status400BadRequest, ex);
        }
    }
}
