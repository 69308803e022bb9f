using System.Globalization;
using Azure;
using Azure.Core;
using Serverless.Storage.Core;

namespace Serverless.Storage.Blobs;

/// <summary>Acquires, renews, changes, releases and breaks the lease of a blob or a container.</summary>
/// <remarks>
/// Mirrors <c>Azure.Storage.Blobs.Specialized.BlobLeaseClient</c>. A lease gives one holder exclusive write and
/// delete access: others get 412 <c>LeaseIdMissing</c> without the id and 409 <c>LeaseAlreadyPresent</c> on acquire.
/// </remarks>
public sealed class BlobLeaseClient
{
    /// <summary>The duration of a lease that lasts until released or broken.</summary>
    public static readonly TimeSpan InfiniteLeaseDuration = TimeSpan.FromSeconds(-1);

    private readonly StoragePipeline _pipeline;
    private readonly bool _isContainer;

    /// <summary>Creates a lease client for a blob, with the given lease id or a new random one.</summary>
    public BlobLeaseClient(BlobClient client, string? leaseId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _pipeline = client.Pipeline;
        Uri = client.Uri;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>Creates a lease client for a container, with the given lease id or a new random one.</summary>
    public BlobLeaseClient(BlobContainerClient client, string? leaseId = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _pipeline = client.Pipeline;
        Uri = client.Uri;
        _isContainer = true;
        LeaseId = leaseId ?? Guid.NewGuid().ToString();
    }

    /// <summary>The URI of the leased blob or container.</summary>
    public Uri Uri { get; }

    /// <summary>The lease id this client proposes and uses; updated by <see cref="ChangeAsync"/>.</summary>
    public string LeaseId { get; private set; }

    /// <summary>Acquires the lease for 15–60 seconds or <see cref="InfiniteLeaseDuration"/>; re-acquiring with the same id renews it.</summary>
    /// <exception cref="RequestFailedException">409 <c>LeaseAlreadyPresent</c> when another id holds it.</exception>
    public async Task<Response<BlobLease>> AcquireAsync(
        TimeSpan duration, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("acquire", conditions);
        message.Request.Headers.SetValue("x-ms-lease-duration", Seconds(duration));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", LeaseId);
        return await SendAsync(message, 201, cancellationToken);
    }

    /// <summary>Restarts the lease's clock; works on an expired lease nobody else took.</summary>
    /// <exception cref="RequestFailedException">409 <c>LeaseIdMismatchWithLeaseOperation</c> when another id holds it.</exception>
    public async Task<Response<BlobLease>> RenewAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("renew", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        return await SendAsync(message, 200, cancellationToken);
    }

    /// <summary>Replaces the active lease's id with <paramref name="proposedId"/>; this client uses the new id afterwards.</summary>
    public async Task<Response<BlobLease>> ChangeAsync(
        string proposedId, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(proposedId);
        using var message = LeaseMessage("change", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", proposedId);
        var response = await SendAsync(message, 200, cancellationToken);
        LeaseId = response.Value.LeaseId ?? proposedId;
        return response;
    }

    /// <summary>Ends the lease so another client can acquire it at once.</summary>
    public async Task<Response<ReleasedObjectInfo>> ReleaseAsync(RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("release", conditions);
        message.Request.Headers.SetValue("x-ms-lease-id", LeaseId);
        var response = BlobResponses.Expect(await _pipeline.SendAsync(message, cancellationToken), 200);
        return Response.FromValue(
            new ReleasedObjectInfo(BlobHeaders.ETag(response), BlobHeaders.Date(response, "Last-Modified")), response);
    }

    /// <summary>Breaks whatever lease is active, without knowing its id, after <paramref name="breakPeriod"/> (0–60 s).</summary>
    /// <remarks>Without a period a fixed lease runs out its time and an infinite one breaks at once.</remarks>
    public async Task<Response<BlobLease>> BreakAsync(
        TimeSpan? breakPeriod = null, RequestConditions? conditions = null, CancellationToken cancellationToken = default)
    {
        using var message = LeaseMessage("break", conditions);
        if (breakPeriod is { } period)
        {
            message.Request.Headers.SetValue("x-ms-lease-break-period", Seconds(period));
        }

        return await SendAsync(message, 202, cancellationToken);
    }

    private HttpMessage LeaseMessage(string action, RequestConditions? conditions)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Put, Uri);
        message.Request.Uri.AppendQuery("comp", "lease");
        if (_isContainer)
        {
            message.Request.Uri.AppendQuery("restype", "container");
        }

        message.Request.Headers.SetValue("x-ms-lease-action", action);
        // A lease operation's x-ms-lease-id is the lease's own, never a caller's condition.
        BlobHeaders.SetConditions(message.Request, conditions, withLeaseId: false);
        return message;
    }

    private async Task<Response<BlobLease>> SendAsync(HttpMessage message, int status, CancellationToken cancellationToken)
    {
        var response = BlobResponses.Expect(await _pipeline.SendAsync(message, cancellationToken), status);
        return Response.FromValue(BlobResponses.Lease(response), response);
    }

    private static string Seconds(TimeSpan duration) =>
        duration < TimeSpan.Zero ? "-1" : ((long)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
