namespace Serverless.Storage.Tables;

/// <summary>A table in the account.</summary>
public sealed class TableItem
{
    /// <summary>Creates an item for the named table.</summary>
    public TableItem(string name) => Name = name;

    /// <summary>The table name.</summary>
    public string Name { get; }
}
