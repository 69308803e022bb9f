using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Serverless.Storage;

namespace Serverless.Testing;

/// <summary>
/// One Azurite process on free loopback ports with in-memory persistence, ended when disposed — or, through
/// <c>infra/azurite/run-azurite.js</c>, when this process dies without disposing it.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AzuriteProcess(Process process, Uri blob, Uri queue, Uri table)
    {
        _process = process;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        ConnectionString = StorageConnectionString.ForEmulator(blob, queue, table);
    }

    /// <summary>The blob endpoint, path-style with the development account.</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>A connection string for the three endpoints with the development account key.</summary>
    public string ConnectionString { get; }

    /// <summary>The process id of the node process, for tests that check it goes away.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Installs Azurite if needed, starts it on port 0 (the OS picks free ports) and waits until all three services answer.</summary>
    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        await AzuriteInstaller.EnsureInstalledAsync(cancellationToken);
        var location = Directory.CreateTempSubdirectory("azurite-");
        var psi = new ProcessStartInfo("node")
        {
            // In-memory mode still resolves a working folder; keep it out of the repository.
            WorkingDirectory = location.FullName,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AzuriteInstaller.Folder, "run-azurite.js"));
        foreach (var arg in new[]
        {
            "--inMemoryPersistence", "--extentMemoryLimit", "2048",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
            "--skipApiVersionCheck", "--disableTelemetry", "--disableProductStyleUrl", "--silent",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["AZURITE_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        psi.Environment["AZURITE_WATCH_STDIN"] = "1";

        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"Azurite exited during start-up:\n{Snapshot(log)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // A give-up limit, not an expectation: with every test assembly starting its emulators at once on a loaded
        // 2-core machine, a start was seen to take 16 s.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(120));
        try
        {
            await ready.Task.WaitAsync(timeout.Token);
            Uri Endpoint(string service) => new($"http://127.0.0.1:{ports[service]}/{StorageConnectionString.DevelopmentAccountName}");
            var azurite = new AzuriteProcess(process, Endpoint("Blob"), Endpoint("Queue"), Endpoint("Table"));
            await azurite.WaitUntilAnsweringAsync(timeout.Token);
            return azurite;
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException)
        {
            KillQuietly(process);
            throw new InvalidOperationException($"Azurite did not start within 120 s. Its output:\n{Snapshot(log)}", ex);
        }
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        foreach (var endpoint in new[] { BlobEndpoint, QueueEndpoint, TableEndpoint })
        {
            while (true)
            {
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(endpoint.Host, endpoint.Port, cancellationToken);
                    break;
                }
                catch (SocketException)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        KillQuietly(_process);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://[^:]+:(?<port>\d+)")]
    private static partial Regex ListeningLine();
}
