using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Serverless.Storage.Tables;

/// <summary>
/// Catches <c>QueryAsync&lt;T&gt;($"… {value}")</c> at compile time. Not for direct use.
/// </summary>
/// <remarks>
/// C# binds an interpolated string to a <see cref="string"/> parameter before a <see cref="FormattableString"/> one, so
/// that call would reach <see cref="TableClient.QueryAsync{T}(string, int?, IEnumerable{string}, CancellationToken)"/>
/// with the value pasted in unescaped — in <c>Azure.Data.Tables</c> as well. The compiler prefers an interpolated string
/// handler to <see cref="string"/>, so the overload taking this type wins, and its <see cref="ObsoleteAttribute"/> makes the
/// call an error telling the caller to use <see cref="TableClient.CreateQueryFilter(FormattableString)"/>, which escapes
/// values and also exists in <c>Azure.Data.Tables</c>. Its members never run.
/// An interpolated string whose holes are all constant strings is itself a constant <see cref="string"/> and still binds
/// to the string overload, unescaped and unquoted: pass it through <see cref="TableClient.CreateQueryFilter(FormattableString)"/> too.
/// </remarks>
[InterpolatedStringHandler]
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly ref struct QueryFilterInterpolatedStringHandler
{
    /// <summary>Required by the compiler for an interpolated string handler.</summary>
#pragma warning disable IDE0060 // The handler pattern fixes these parameters.
    public QueryFilterInterpolatedStringHandler(int literalLength, int formattedCount)
    {
    }

    /// <summary>Required by the compiler for an interpolated string handler.</summary>
    public void AppendLiteral(string value)
    {
    }

    /// <summary>Required by the compiler for an interpolated string handler.</summary>
    public void AppendFormatted<T>(T value)
    {
    }

    /// <summary>Required by the compiler for an interpolated string handler.</summary>
    public void AppendFormatted<T>(T value, string? format)
    {
    }
#pragma warning restore IDE0060
}
