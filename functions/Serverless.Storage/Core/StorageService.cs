namespace Serverless.Storage.Core;

/// <summary>The storage service a pipeline talks to; it decides the signing scheme and API version.</summary>
internal enum StorageService
{
    Blob,
    Queue,
    Table,
}
