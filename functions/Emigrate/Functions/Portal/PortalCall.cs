using System.Diagnostics.CodeAnalysis;
using Emigrate.Data.Cases;
using Microsoft.AspNetCore.Http;

namespace Emigrate.Functions.Portal;

/// <summary>A case the caller may act on and the call's body, or the problem to answer instead.</summary>
/// <typeparam name="TBody">The request body's type.</typeparam>
/// <param name="Record">The case; set when <paramref name="Problem"/> is null.</param>
/// <param name="Body">The body; set when <paramref name="Problem"/> is null.</param>
/// <param name="Problem">404 (not visible to the caller) or 400 (body invalid), else null.</param>
public sealed record PortalCall<TBody>(CaseRecord? Record, TBody? Body, IResult? Problem)
    where TBody : class
{
    /// <summary>Whether the call must stop; then <paramref name="problem"/> is the answer, else the case and body are set.</summary>
    /// <param name="problem">The answer when the call must stop.</param>
    /// <param name="record">The case.</param>
    /// <param name="body">The body.</param>
    public bool Failed([NotNullWhen(true)] out IResult? problem, [NotNullWhen(false)] out CaseRecord? record, [NotNullWhen(false)] out TBody? body)
    {
        record = this.Record;
        body = this.Body;
        if (this.Problem is null && record is not null && body is not null)
        {
            problem = null;
            return false;
        }

        problem = this.Problem ?? Portal.NotFound();
        return true;
    }
}
