namespace Serverless.Storage.Tables;

/// <summary>What one action of an entity-group transaction does.</summary>
public enum TableTransactionActionType
{
    /// <summary>Insert an entity that must not exist.</summary>
    Add = 0,

    /// <summary>Merge into an existing entity, if its ETag matches.</summary>
    UpdateMerge = 1,

    /// <summary>Replace an existing entity, if its ETag matches.</summary>
    UpdateReplace = 2,

    /// <summary>Delete an entity, if its ETag matches.</summary>
    Delete = 3,

    /// <summary>Insert, or merge into the stored entity whatever its version.</summary>
    UpsertMerge = 4,

    /// <summary>Insert, or replace the stored entity whatever its version.</summary>
    UpsertReplace = 5,
}
