using System.Diagnostics;
using System.Text;
using Serverless.Functions.Local;
using Serverless.Testing;

namespace Serverless.Functions.Tests.EndToEnd;

/// <summary>The Emigrate app run as its own process (<c>dotnet Emigrate.dll …</c>), against the test's Azurite.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The port the host bound (it starts on port 0); known once <see cref="StartAsync"/> has returned.</summary>
    public int Port { get; private set; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs a command-line verb to completion; returns its exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunCommandAsync(IDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Starts the host on port 0 (the port it bound is read from its log) and waits until it answers its health check.</summary>
    public static async Task<HostProcess> StartAsync(IDictionary<string, string> environment)
    {
        var settings = new Dictionary<string, string>(environment) { ["Host__LocalHttpPort"] = "0" };
        var host = new HostProcess(Process.Start(StartInfo(settings, []))!);
        using var client = new HttpClient();

        // A give-up limit for a loaded CI machine starting a .NET process, not an expectation of speed.
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            Assert.False(host._process.HasExited, $"The host exited during start-up:\n{host.Output}");
            host.Port = host.Port != 0 ? host.Port : ListeningPort.Find(host.Output) ?? 0;
            try
            {
                if (host.Port != 0 && (await client.GetAsync($"http://127.0.0.1:{host.Port}/api/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not answering yet.
            }

            Assert.True(DateTime.UtcNow < deadline, $"The host did not answer within 120 s:\n{host.Output}");
            await Task.Delay(200);
        }
    }

    /// <summary>Sends SIGTERM, as a container runtime does, and waits for the exit code.</summary>
    public async Task<int> TerminateAsync()
    {
        Assert.True(ProcessSignals.TryTerminate(_process), "Could not signal the host.");
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            // Outside the repository, so the app finds no local.settings.json: everything comes from the environment.
            WorkingDirectory = Path.GetTempPath(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(AppPath());
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        psi.Environment["Host__StartAzurite"] = "false";
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }

        return psi;
    }

    private static string AppPath()
    {
        // The same configuration and framework folder as this test assembly: bin/<Configuration>/net10.0/.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Path, "functions", "Emigrate", "bin", testBin.Parent!.Name, testBin.Name, "Emigrate.dll");
        Assert.True(File.Exists(path), $"The app is not built at {path}.");
        return path;
    }
}
