using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serverless.Functions.Hosting;
using Serverless.Functions.Keys;
using Serverless.Functions.Local;

namespace Serverless.Functions;

/// <summary>A built function app: serves its functions, or runs a command-line verb (<c>keys …</c>, <c>reset</c>, or the app's own <see cref="ICommandLineVerb"/>).</summary>
public sealed class FunctionsApp : IHost, IAsyncDisposable
{
    private readonly HostCommand _command;

    internal FunctionsApp(WebApplication app, HostCommand command)
    {
        WebApplication = app;
        _command = command;
        FunctionsPipeline.Configure(app);
    }

    /// <summary>The underlying ASP.NET Core app.</summary>
    public WebApplication WebApplication { get; }

    /// <inheritdoc />
    public IServiceProvider Services => WebApplication.Services;

    /// <summary>The addresses the host listens on, once started (a port of 0 shows here as the port the OS chose).</summary>
    public IReadOnlyList<Uri> Addresses =>
        Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];

    /// <summary>Runs what the command line asked: serves until Ctrl-C / SIGTERM, or runs a verb; returns the process exit code.</summary>
    /// <remarks>
    /// <c>keys create --role R --org O</c> prints a new key alone on standard output; <c>keys list</c>; <c>keys revoke ID</c>;
    /// <c>reset</c> deletes the local Azurite data; <c>--reset-local-data</c> does that before serving.
    /// </remarks>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var storage = Services.GetRequiredService<LocalStorage>();
        if (_command.ResetLocalData)
        {
            storage.ResetData();
        }

        switch (_command.Verb)
        {
            case HostCommand.Reset:
                return 0;
            case HostCommand.Keys:
                await using (storage)
                {
                    if (Services.GetRequiredService<IOptions<FunctionHostOptions>>().Value.StartAzurite)
                    {
                        await storage.EnsureRunningAsync(cancellationToken);
                    }

                    return await Services.GetRequiredService<FunctionKeyCommands>()
                        .RunAsync(_command.Arguments, Console.Out, Console.Error, cancellationToken);
                }

            case HostCommand.Serve:
                await ((IHost)WebApplication).RunAsync(cancellationToken);
                return 0;
            default:
                var verb = Services.GetServices<ICommandLineVerb>().FirstOrDefault(v => v.Name == _command.Verb);
                if (verb is null)
                {
                    await Console.Error.WriteLineAsync($"Unknown command '{_command.Verb}'. Commands: keys, reset{string.Concat(Services.GetServices<ICommandLineVerb>().Select(v => ", " + v.Name))}; none to serve.");
                    return 2;
                }

                using (var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    ConsoleCancelEventHandler onCancel = (_, e) =>
                    {
                        e.Cancel = true;
                        cancel.Cancel();
                    };
                    Console.CancelKeyPress += onCancel;
                    try
                    {
                        return await verb.RunAsync(_command.Arguments, Console.Out, Console.Error, cancel.Token);
                    }
                    finally
                    {
                        Console.CancelKeyPress -= onCancel;
                    }
                }
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => WebApplication.StartAsync(cancellationToken);

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => WebApplication.StopAsync(cancellationToken);

    /// <inheritdoc />
    public void Dispose() => ((IDisposable)WebApplication).Dispose();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => WebApplication.DisposeAsync();
}
