using System.Buffers;
using System.Text;
using System.Text.Json;
using Serverless.Storage.Tables.Entities;
using Serverless.Storage.Tables.Http;

namespace Serverless.Storage.Tables.Transactions;

/// <summary>
/// Writes the <c>multipart/mixed</c> body of an entity-group transaction: one batch holding one changeset holding one
/// HTTP request per action, as in "Performing entity group transactions" of the Table service REST reference.
/// </summary>
/// <remarks>
/// Each JSON body stays on one line and every key is percent-escaped in its URL: Azurite's batch parser finds bodies
/// and URLs with single-line regular expressions, and Azure accepts the same form.
/// </remarks>
internal static class BatchRequestBody
{
    public static ReadOnlyMemory<byte> Write(IReadOnlyList<TableTransactionAction> actions, Uri endpoint, string table, string batchBoundary, string changesetBoundary)
    {
        var buffer = new ArrayBufferWriter<byte>(512 * actions.Count);
        using var json = new Utf8JsonWriter(buffer);
        Line(buffer, $"--{batchBoundary}");
        Line(buffer, $"Content-Type: multipart/mixed; boundary={changesetBoundary}");
        Line(buffer, string.Empty);
        foreach (var action in actions)
        {
            var entity = action.Entity;
            var (method, hasBody, conditional) = Shape(action.ActionType);
            var uri = action.ActionType == TableTransactionActionType.Add
                ? TableUris.EntitySet(endpoint, table)
                : TableUris.Entity(endpoint, table, entity.PartitionKey, entity.RowKey);

            Line(buffer, $"--{changesetBoundary}");
            Line(buffer, "Content-Type: application/http");
            Line(buffer, "Content-Transfer-Encoding: binary");
            Line(buffer, string.Empty);
            Line(buffer, $"{method} {uri.AbsoluteUri} HTTP/1.1");
            Line(buffer, $"Accept: {TableRequests.AcceptJson}");
            Line(buffer, "DataServiceVersion: 3.0;");
            if (conditional)
            {
                Line(buffer, $"If-Match: {(action.ETag == default ? "*" : action.ETag.ToString("G"))}");
            }

            if (hasBody)
            {
                Line(buffer, $"Content-Type: {TableRequests.ContentTypeJson}");
                Line(buffer, "Prefer: return-no-content");
                Line(buffer, string.Empty);
                json.Reset(buffer);
                EntityJson.Write(json, entity);
                json.Flush();
                Line(buffer, string.Empty);
            }
            else
            {
                Line(buffer, string.Empty);
            }
        }

        Line(buffer, $"--{changesetBoundary}--");
        Line(buffer, $"--{batchBoundary}--");
        return buffer.WrittenMemory;
    }

    /// <summary>The verb, whether a body is sent, and whether <c>If-Match</c> applies. MERGE is the verb the batch reference documents.</summary>
    private static (string Method, bool HasBody, bool Conditional) Shape(TableTransactionActionType type) => type switch
    {
        TableTransactionActionType.Add => ("POST", true, false),
        TableTransactionActionType.UpsertMerge => ("MERGE", true, false),
        TableTransactionActionType.UpsertReplace => ("PUT", true, false),
        TableTransactionActionType.UpdateMerge => ("MERGE", true, true),
        TableTransactionActionType.UpdateReplace => ("PUT", true, true),
        TableTransactionActionType.Delete => ("DELETE", false, true),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown transaction action type."),
    };

    private static void Line(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
        var written = Encoding.UTF8.GetBytes(text, span);
        span[written++] = (byte)'\r';
        span[written++] = (byte)'\n';
        buffer.Advance(written);
    }
}
