using System.ComponentModel;
using System.Globalization;
using Azure;
using Azure.Core;
using Serverless.Storage.Tables.Http;
using Serverless.Storage.Tables.Queries;

namespace Serverless.Storage.Tables;

public sealed partial class TableClient
{
    private const string UnescapedFilterError =
        "An interpolated filter would reach QueryAsync unescaped (as in Azure.Data.Tables). " +
        "Write QueryAsync<T>(TableClient.CreateQueryFilter($\"...\")) to escape its values.";

    /// <summary>Queries the table with an OData filter string, page by page.</summary>
    /// <param name="filter">An OData filter, or <see langword="null"/> for all entities. Build it with
    /// <see cref="CreateQueryFilter(FormattableString)"/> whenever it contains values.</param>
    /// <param name="maxPerPage">Entities per page (the service caps it at 1,000); <see langword="null"/> for the service's maximum.</param>
    /// <param name="select">The properties to return; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The entities; <see cref="AsyncPageable{T}.AsPages"/> exposes pages and continuation tokens.</returns>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        var columns = select is null ? null : string.Join(',', select);
        return new TableQueryPageable<T>(
            (token, pageSize, ct) => QueryPageAsync<T>(filter, pageSize, columns, token, ct), maxPerPage, cancellationToken);
    }

    /// <summary>Queries the table with a filter whose holes are formatted as escaped OData literals.</summary>
    /// <param name="filter">A <see cref="FormattableString"/>; its holes are formatted as by <see cref="CreateQueryFilter(FormattableString)"/>.</param>
    /// <param name="maxPerPage">Entities per page (the service caps it at 1,000).</param>
    /// <param name="select">The properties to return; <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <remarks>
    /// Reached with a <see cref="FormattableString"/> variable. An interpolated string written in the call does not bind
    /// here (C# prefers the <see cref="string"/> overload); such a call is a compile error, see <see cref="QueryFilterInterpolatedStringHandler"/>.
    /// </remarks>
    public AsyncPageable<T> QueryAsync<T>(FormattableString filter, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        QueryAsync<T>(ODataFilter.Format(filter), maxPerPage, select, cancellationToken);

    /// <summary>Not callable: write <c>QueryAsync&lt;T&gt;(TableClient.CreateQueryFilter($"…"))</c> so the values are escaped.</summary>
    /// <param name="filter">The interpolated filter.</param>
    /// <param name="maxPerPage">Entities per page.</param>
    /// <param name="select">The properties to return.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <remarks>See <see cref="QueryFilterInterpolatedStringHandler"/> for why this overload exists.</remarks>
    [Obsolete(UnescapedFilterError, error: true)]
    [EditorBrowsable(EditorBrowsableState.Never)]
    public AsyncPageable<T> QueryAsync<T>(ref QueryFilterInterpolatedStringHandler filter, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new() =>
        throw new NotSupportedException(UnescapedFilterError);

    /// <summary>
    /// Formats a filter, turning each hole into an OData literal: strings quoted with <c>'</c> doubled, <c>123L</c> for
    /// Int64, <c>2.0</c> for Double, lower-case Booleans, <c>datetime'…Z'</c>, <c>guid'…'</c>, <c>X'…'</c> for binary and
    /// quoted names for enums.
    /// </summary>
    /// <example><c>TableClient.CreateQueryFilter($"PartitionKey eq {caseId} and Attempts ge {n}")</c></example>
    /// <exception cref="NotSupportedException">A hole's type has no table literal.</exception>
    public static string CreateQueryFilter(FormattableString filter) => ODataFilter.Format(filter);

    private async ValueTask<Page<T>> QueryPageAsync<T>(string? filter, int? top, string? select, string? continuationToken, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = TableRequests.Create(_pipeline, RequestMethod.Get, TableUris.Query(_endpoint, Name));
        var uri = message.Request.Uri;
        if (!string.IsNullOrEmpty(filter))
        {
            uri.AppendQuery("$filter", filter);
        }

        if (top is { } pageSize)
        {
            uri.AppendQuery("$top", pageSize.ToString(CultureInfo.InvariantCulture));
        }

        if (select is not null)
        {
            uri.AppendQuery("$select", select);
        }

        if (ContinuationToken.TryDecode(continuationToken, out var nextPartitionKey, out var nextRowKey))
        {
            uri.AppendQuery("NextPartitionKey", nextPartitionKey);
            if (nextRowKey is not null)
            {
                uri.AppendQuery("NextRowKey", nextRowKey);
            }
        }

        var response = await _pipeline.SendAsync(message, cancellationToken);
        var entities = QueryResponse.ReadEntities<T>(response.Content.ToMemory().Span);
        response.Headers.TryGetValue(ContinuationToken.NextPartitionKeyHeader, out var nextPk);
        response.Headers.TryGetValue(ContinuationToken.NextRowKeyHeader, out var nextRk);
        return Page<T>.FromValues(entities, ContinuationToken.Encode(nextPk, nextRk), response);
    }
}
