using System.Diagnostics;
using System.Globalization;
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
        await InstallAsync(folder, cancellationToken);
        Directory.CreateDirectory(DataFolder!);
        _azurite = Start(folder);
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

    private async Task InstallAsync(string folder, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js")))
        {
            return;
        }

        // The test fixture installs under the same lock file, so a test run and `dotnet run` on a fresh clone never
        // run npm ci in one folder at once; whoever waited finds it installed.
        await using var gate = await AcquireInstallLockAsync(Path.Combine(folder, ".npm-install.lock"), cancellationToken);
        if (File.Exists(Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js")))
        {
            return;
        }

        Log.AzuriteInstalling(logger, folder);
        var psi = new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm; is Node.js installed?");
        var output = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"'npm ci' in {folder} failed with exit code {npm.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    private static async Task<FileStream> AcquireInstallLockAsync(string path, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException)
            {
                await Task.Delay(500, timeout.Token);
            }
        }
    }

    private Process Start(string folder)
    {
        // In its own session where setsid exists, so the terminal's Ctrl-C reaches only the host: Azurite must stay up
        // while the host drains running work, and the host then stops it.
        var setsid = FindOnPath("setsid");
        var psi = new ProcessStartInfo(setsid ?? "node")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (setsid is not null)
        {
            psi.ArgumentList.Add("node");
        }

        psi.ArgumentList.Add(Path.Combine(folder, "run-azurite.js"));
        foreach (var arg in new[]
        {
            "--location", DataFolder!,
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "10000", "--queuePort", "10001", "--tablePort", "10002",
            "--skipApiVersionCheck", "--disableTelemetry", "--disableProductStyleUrl",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        // The wrapper ends Azurite when this process is gone, even after a kill -9.
        psi.Environment["AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node for Azurite; is Node.js installed?");
        process.OutputDataReceived += (_, e) => LogLine(e.Data);
        process.ErrorDataReceived += (_, e) => LogLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string? FindOnPath(string name) =>
        OperatingSystem.IsWindows()
            ? null
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Select(dir => Path.Combine(dir, name))
                .FirstOrDefault(File.Exists);

    private void LogLine(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Log.AzuriteOutput(logger, line);
        }
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
            try
            {
                // Gracefully first: Azurite writes its table and queue data to disk on SIGTERM, not on a kill.
                if (ProcessSignals.TryTerminate(process))
                {
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (TimeoutException)
            {
                // It did not stop in time; killed below.
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            process.Dispose();
            Log.AzuriteStopped(logger);
        }
    }
}
