using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Serverless.Functions.Local;

/// <summary>Asks a child process to stop gracefully (SIGTERM) where the OS has signals, so Azurite saves its data before it exits.</summary>
internal static class ProcessSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM; <see langword="false"/> when signals are not available (Windows) or the process is gone.</summary>
    public static bool TryTerminate(Process process)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            return !process.HasExited && Kill(process.Id, SigTerm) == 0;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // DllImport, not LibraryImport: the signature is blittable, and LibraryImport would need unsafe code enabled for one call.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);
}
