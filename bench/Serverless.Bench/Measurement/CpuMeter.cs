using System.Diagnostics;

namespace Serverless.Bench.Measurement;

/// <summary>
/// CPU used by this process and by the emulator over a measured run, in cores (CPU seconds per second). On a machine
/// where both share a few cores, it tells whether a run was bound by the emulator, by the host, or by neither.
/// </summary>
internal sealed class CpuMeter : IDisposable
{
    private readonly Process? emulator;
    private readonly TimeSpan hostStart;
    private readonly TimeSpan emulatorStart;
    private readonly long wallStart = Stopwatch.GetTimestamp();

    private CpuMeter(Process? emulator)
    {
        this.emulator = emulator;
        this.hostStart = HostCpu();
        this.emulatorStart = CpuOf(emulator) ?? TimeSpan.Zero;
    }

    /// <summary>Starts measuring; <paramref name="emulatorProcessId"/> null when the emulator is not ours to see (given by --connection).</summary>
    public static CpuMeter Start(int? emulatorProcessId)
    {
        Process? emulator = null;
        if (emulatorProcessId is { } id)
        {
            try
            {
                emulator = Process.GetProcessById(id);
            }
            catch (ArgumentException)
            {
                // Gone already: the figure is left out.
            }
        }

        return new CpuMeter(emulator);
    }

    /// <summary>A line with the cores each used since the start, out of the machine's.</summary>
    public string Describe()
    {
        double seconds = Stopwatch.GetElapsedTime(this.wallStart).TotalSeconds;
        double host = (HostCpu() - this.hostStart).TotalSeconds / seconds;
        string emulatorPart = CpuOf(this.emulator) is { } now
            ? $"emulator (its node process) {(now - this.emulatorStart).TotalSeconds / seconds:0.00} cores"
            : "emulator not measured (given by --connection)";
        return $"CPU over the run: host and bench driver {host:0.00} cores, {emulatorPart}, of {Environment.ProcessorCount}.";
    }

    public void Dispose() => this.emulator?.Dispose();

    private static TimeSpan HostCpu()
    {
        using Process self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static TimeSpan? CpuOf(Process? process)
    {
        if (process is null)
        {
            return null;
        }

        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
