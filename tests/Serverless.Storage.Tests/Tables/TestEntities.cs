using System.Runtime.Serialization;
using Azure;
using Serverless.Storage.Tables;

namespace Serverless.Storage.Tests.Tables;

public enum CaseStage
{
    Submitted = 1,
    InReview = 2,
    Approved = 3,
}

/// <summary>A typed entity with one property of every supported type, plain and nullable.</summary>
public sealed class AllTypesEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Text { get; set; }

    public int Int32 { get; set; }

    public long Int64 { get; set; }

    public double Double { get; set; }

    public bool Flag { get; set; }

    public DateTimeOffset When { get; set; }

    public Guid Id { get; set; }

    public byte[]? Bytes { get; set; }

    public BinaryData? Data { get; set; }

    public CaseStage Stage { get; set; }

    public int? MaybeInt32 { get; set; }

    public long? MaybeInt64 { get; set; }

    public double? MaybeDouble { get; set; }

    public bool? MaybeFlag { get; set; }

    public DateTimeOffset? MaybeWhen { get; set; }

    public Guid? MaybeId { get; set; }

    public CaseStage? MaybeStage { get; set; }

    [DataMember(Name = "renamed")]
    public string? StoredUnderAnotherName { get; set; }

    [IgnoreDataMember]
    public string? NotStored { get; set; }

    public string Computed => $"{PartitionKey}/{RowKey}";
}

/// <summary>A small typed entity for the CRUD, query and transaction tests.</summary>
public sealed class CaseEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? Name { get; set; }

    public int Attempts { get; set; }

    public string? Note { get; set; }
}

/// <summary>A typed entity with a single property of the given type.</summary>
public sealed class ValueEntity<T> : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public T Value { get; set; } = default!;
}
