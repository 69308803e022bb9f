using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Serverless.Functions.Local;

/// <summary>
/// Starts Azurite for <c>dotnet run</c> when the storage connection is the development account and nothing answers on
/// 127.0.0.1:10000-10002: installs the pinned Azurite (<c>npm ci</c> in <c>infra/azurite</c>) if needed and runs it
/// with persistent data in <c>infra/azurite/.azurite</c> (git-ignored). It ends with this process.
/// </summary>
internal sealed class LocalStorage(IConfiguration configuration, IOptions<LocalStorageOptions> options, ILogger<LocalStorage> logger) : IAsyncDisposable
{
    private static readonly int[] Ports = [10000, 10001, 10002];
    private Process? _azurite;

    /// <summary>The <c>infra/azurite</c> folder at or above the app root, or <see langword="null"/>.</summary>
    public string? AzuriteFolder =>
        options.Value.AppRoot is { } root && AppRootSearch(root) is { } found ? Path.Combine(found, "infra", "azurite") : null;

    /// <summary>Where local data is kept.</summary>
    public string? DataFolder => AzuriteFolder is { } folder ? Path.Combine(folder, ".azurite") : null;

    /// <summary>Whether the configured storage is the local development account.</summary>
    public bool UsesDevelopmentStorage =>
        configuration[StorageConnection.SettingName] is { } value && StorageConnection.IsDevelopmentStorage(value);

    /// <summary>Deletes the local emulator's data (the <c>reset</c> verb and <c>--reset-local-data</c>).</summary>
    public void ResetData()
    {
        if (DataFolder is { } data && Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
            Log.LocalDataReset(logger, data);
        }
    }

    /// <summary>Starts Azurite if the development account is configured and it does not answer yet; returns once it answers.</summary>
    public async Task EnsureRunningAsync(CancellationToken cancellationToken)
    {
        if (!UsesDevelopmentStorage || _azurite is not null)
        {
            return;
        }

        if (await AllPortsAnswerAsync(cancellationToken))
        {
            Log.AzuriteAlreadyRunning(logger);
            return;
        }

        var folder = AzuriteFolder ?? throw new InvalidOperationException(
            "Nothing answers on 127.0.0.1:10000-10002 and no infra/azurite folder was found above the app root to start Azurite from.");
        await AzuriteInstaller.EnsureInstalledAsync(folder, logger, cancellationToken);
        Directory.CreateDirectory(DataFolder!);
        _azurite = AzuriteRunner.Start(folder, DataFolder!, logger);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!await AllPortsAnswerAsync(timeout.Token))
        {
            if (_azurite.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {_azurite.ExitCode} during start-up; see the log above.");
            }

            await Task.Delay(200, timeout.Token);
        }

        Log.AzuriteStarted(logger, _azurite.Id, DataFolder!);
    }

    private static async Task<bool> AllPortsAnswerAsync(CancellationToken cancellationToken)
    {
        foreach (var port in Ports)
        {
            try
            {
                using var client = new TcpClient();
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(TimeSpan.FromMilliseconds(500));
                await client.ConnectAsync("127.0.0.1", port, attempt.Token);
            }
            catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                return false;
            }
        }

        return true;
    }

    private static string? AppRootSearch(string root) => Hosting.AppRoot.FindAbove(root, Path.Combine("infra", "azurite", "run-azurite.js"));

    public async ValueTask DisposeAsync()
    {
        if (_azurite is { } process)
        {
            _azurite = null;
            await AzuriteRunner.StopAsync(process, logger);
        }
    }
}
