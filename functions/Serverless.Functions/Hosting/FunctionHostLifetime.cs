using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Serverless.Functions.Hosting;

/// <summary>The two moments of a graceful shutdown: stop taking new work, then — a grace period later — cancel what still runs.</summary>
/// <remarks>
/// Invocations get <see cref="GracePeriodExpired"/> as their cancellation, not the stopping signal itself, so a running
/// activity or request may finish during the grace period; what has not finished by then is left to redelivery.
/// </remarks>
internal sealed class FunctionHostLifetime : IDisposable
{
    private readonly CancellationTokenSource _expired = new();
    private readonly CancellationTokenRegistration _registration;

    public FunctionHostLifetime(IHostApplicationLifetime lifetime, IOptions<FunctionHostOptions> options)
    {
        Stopping = lifetime.ApplicationStopping;
        GracePeriod = options.Value.ShutdownGracePeriod;
        _registration = Stopping.Register(() => _expired.CancelAfter(GracePeriod));
    }

    /// <summary>Signalled when shutdown begins: take no new work.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>Signalled when the grace period after <see cref="Stopping"/> has run out.</summary>
    public CancellationToken GracePeriodExpired => _expired.Token;

    public TimeSpan GracePeriod { get; }

    public void Dispose()
    {
        _registration.Dispose();
        _expired.Dispose();
    }
}
