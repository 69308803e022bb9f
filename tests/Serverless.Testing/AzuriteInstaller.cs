using System.Diagnostics;

namespace Serverless.Testing;

/// <summary>Installs the pinned Azurite from <c>infra/azurite/package-lock.json</c> when it is missing.</summary>
/// <remarks>
/// Test assemblies run in parallel processes, so the install runs under a cross-process file lock and
/// re-checks after taking it: exactly one process runs <c>npm ci</c>, the others wait and reuse it.
/// </remarks>
public static class AzuriteInstaller
{
    /// <summary>The folder holding the pinned Azurite package.</summary>
    public static string Folder => Path.Combine(RepositoryRoot.Path, "infra", "azurite");

    /// <summary>The Azurite entry point once installed.</summary>
    public static string EntryPoint => Path.Combine(Folder, "node_modules", "azurite", "dist", "src", "azurite.js");

    /// <summary>Ensures Azurite is installed; throws with npm's output if the install fails.</summary>
    public static async Task EnsureInstalledAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(EntryPoint))
        {
            return;
        }

        await using var gate = await AcquireLockAsync(Path.Combine(Folder, ".npm-install.lock"), cancellationToken);
        if (File.Exists(EntryPoint))
        {
            return;
        }

        var psi = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        await npm.WaitForExitAsync(cancellationToken);
        if (npm.ExitCode != 0 || !File.Exists(EntryPoint))
        {
            throw new InvalidOperationException(
                $"'npm ci' in {Folder} failed with exit code {npm.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken);
            }
        }
    }
}
