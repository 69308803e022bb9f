namespace Serverless.Storage.Tables;

/// <summary>How an update or upsert treats properties the stored entity has but the new one does not.</summary>
public enum TableUpdateMode
{
    /// <summary>Keep them: the sent properties are merged into the stored entity.</summary>
    Merge = 0,

    /// <summary>Drop them: the stored entity is replaced by the sent one.</summary>
    Replace = 1,
}
