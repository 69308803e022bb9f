using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.Functions.Hosting;

namespace Serverless.Functions.Local;

/// <summary>The first hosted service: makes sure local storage answers before anything else starts.</summary>
/// <remarks>It does not stop Azurite: other services still drain into storage while stopping; <see cref="LocalStorage"/> ends it when the container is disposed.</remarks>
internal sealed class AzuriteLauncher(LocalStorage storage, IOptions<FunctionHostOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.StartAzurite ? storage.EnsureRunningAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
