using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Local;

/// <summary>Runs Azurite through <c>infra/azurite/run-azurite.js</c> on the default loopback ports, and stops it gracefully.</summary>
internal static class AzuriteRunner
{
    /// <summary>Starts Azurite with its data in <paramref name="dataFolder"/>; it ends by itself when this process dies.</summary>
    public static Process Start(string folder, string dataFolder, ILogger logger)
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
            "--location", dataFolder,
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
        process.OutputDataReceived += (_, e) => LogLine(logger, e.Data);
        process.ErrorDataReceived += (_, e) => LogLine(logger, e.Data);
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

    private static void LogLine(ILogger logger, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Log.AzuriteOutput(logger, line);
        }
    }

    /// <summary>Stops Azurite: SIGTERM first, so it saves its data, then a kill if it has not ended within 10 s.</summary>
    public static async Task StopAsync(Process process, ILogger logger)
    {
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
