using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Serverless.Testing;

namespace Emigrate.Tests.Walkthrough;

/// <summary>
/// The host the run command starts (the app's own <c>Program</c>, as a separate process) with the repository's
/// <c>host.json</c> and <c>local.settings.sample.json</c>, pointed at the test's Azurite and a free port.
/// </summary>
/// <remarks>
/// A separate process because the host exports <c>local.settings.json</c>'s values into its process environment,
/// which would leak into every other test of this process. A bash watchdog ends the host with the test process
/// even when the run is killed.
/// </remarks>
internal sealed class RunCommandHost : IAsyncDisposable
{
    private const string Watchdog = """
        dotnet "$1" & host=$!
        trap 'kill "$host" 2>/dev/null' EXIT
        while kill -0 "$TEST_PROCESS_ID" 2>/dev/null && kill -0 "$host" 2>/dev/null; do sleep 1; done
        """;

    private readonly Process _process;
    private readonly StringBuilder _log;

    private RunCommandHost(Process process, StringBuilder log)
    {
        _process = process;
        _log = log;
    }

    /// <summary><c>http://127.0.0.1:{port}</c>, no trailing slash (the README's <c>BASE</c>); known once <see cref="StartAsync"/> has returned.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<RunCommandHost> StartAsync(AzuriteFixture azurite)
    {
        string root = Directory.CreateTempSubdirectory("emigrate-run-").FullName;
        foreach (string file in new[] { "host.json", "local.settings.sample.json" })
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, file), Path.Combine(root, file));
        }

        var start = new ProcessStartInfo("bash")
        {
            // The host finds its app root (host.json, local.settings.json) from the working folder, as `dotnet run` does.
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-c", Watchdog, "watchdog", Path.Combine(AppContext.BaseDirectory, "Emigrate.dll") })
        {
            start.ArgumentList.Add(argument);
        }

        // Environment variables rank above local.settings.json: only storage and port differ from the run command.
        // Port 0, read back from the host's log: a port picked free here could be taken before the host binds it.
        start.Environment["AzureWebJobsStorage"] = azurite.ConnectionString;
        start.Environment["Host__LocalHttpPort"] = "0";
        start.Environment["TEST_PROCESS_ID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new RunCommandHost(process, log);
        try
        {
            // A give-up limit for a loaded CI machine starting a .NET process, not an expectation of speed.
            await host.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited during start-up:\n{Log}");
            }

            try
            {
                deadline.Token.ThrowIfCancellationRequested();
                if (ListeningPort.Find(Log) is { } port)
                {
                    BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
                    using var response = await client.GetAsync(new Uri(BaseAddress, "/api/health"), deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new InvalidOperationException($"The host was not healthy within {timeout.TotalSeconds:0} s:\n{Log}");
            }

            await Task.Delay(200, CancellationToken.None);
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
