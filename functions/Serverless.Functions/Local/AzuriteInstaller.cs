using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Serverless.Functions.Local;

/// <summary>Installs the pinned Azurite (<c>npm ci</c> in <c>infra/azurite</c>) when it is missing.</summary>
internal static class AzuriteInstaller
{
    public static bool IsInstalled(string folder) =>
        File.Exists(Path.Combine(folder, "node_modules", "azurite", "dist", "src", "azurite.js"));

    public static async Task EnsureInstalledAsync(string folder, ILogger logger, CancellationToken cancellationToken)
    {
        if (IsInstalled(folder))
        {
            return;
        }

        // The test fixture installs under the same lock file, so a test run and `dotnet run` on a fresh clone never
        // run npm ci in one folder at once; whoever waited finds it installed.
        await using var gate = await AcquireLockAsync(Path.Combine(folder, ".npm-install.lock"), cancellationToken);
        if (IsInstalled(folder))
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

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
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
}
