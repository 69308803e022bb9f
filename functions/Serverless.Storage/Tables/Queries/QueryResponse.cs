using System.Text.Json;
using Serverless.Storage.Tables.Entities;

namespace Serverless.Storage.Tables.Queries;

/// <summary>Reads the entities of a query response: <c>{"odata.metadata":…,"value":[{…},…]}</c>.</summary>
internal static class QueryResponse
{
    public static List<T> ReadEntities<T>(ReadOnlySpan<byte> json)
        where T : class, ITableEntity, new()
    {
        var entities = new List<T>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("value"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                entities.Add(EntityJson.Read<T>(ref reader));
            }
        }

        return entities;
    }
}
