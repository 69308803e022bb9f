using System.Text.Json;

namespace Serverless.Storage.Tables.Entities;

/// <summary>Writes entities of one runtime type, for callers that hold them as <see cref="ITableEntity"/>.</summary>
internal interface IEntityWriter
{
    void Write(Utf8JsonWriter writer, ITableEntity entity);
}
