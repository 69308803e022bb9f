using System.Diagnostics;
using System.Globalization;

namespace Serverless.Bench.Measurement;

/// <summary>
/// CPU used by this process and by the emulator's processes over a measured run, in cores (CPU seconds per second).
/// On a machine where they share a few cores, it tells whether a run was bound by the emulator, by the host, or by
/// neither.
/// </summary>
internal sealed class CpuMeter : IDisposable
{
    private readonly List<(string Name, Process Process, TimeSpan Start)> emulator;
    private readonly TimeSpan hostStart;
    private readonly long wallStart = Stopwatch.GetTimestamp();

    private CpuMeter(List<(string, Process, TimeSpan)> emulator)
    {
        this.emulator = emulator;
        this.hostStart = HostCpu();
    }

    /// <summary>Starts measuring; <paramref name="emulatorProcessIds"/> empty when the emulator is not ours to see (given by --connection).</summary>
    public static CpuMeter Start(IReadOnlyDictionary<string, int> emulatorProcessIds)
    {
        var emulator = new List<(string, Process, TimeSpan)>();
        foreach ((string name, int id) in emulatorProcessIds)
        {
            try
            {
                var process = Process.GetProcessById(id);
                emulator.Add((name, process, CpuOf(process) ?? TimeSpan.Zero));
            }
            catch (ArgumentException)
            {
                // Gone already: its figure is left out.
            }
        }

        return new CpuMeter(emulator);
    }

    /// <summary>A line with the cores each used since the start, out of the machine's.</summary>
    public string Describe()
    {
        double seconds = Stopwatch.GetElapsedTime(this.wallStart).TotalSeconds;
        double host = (HostCpu() - this.hostStart).TotalSeconds / seconds;
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string> { string.Create(inv, $"host and bench driver {host:0.00} cores") };
        if (this.emulator.Count == 0)
        {
            parts.Add("emulator not measured (given by --connection)");
        }

        foreach ((string name, Process process, TimeSpan start) in this.emulator)
        {
            parts.Add(CpuOf(process) is { } now
                ? string.Create(inv, $"emulator ({name}, its node process) {(now - start).TotalSeconds / seconds:0.00} cores")
                : $"emulator ({name}) gone");
        }

        return string.Create(inv, $"CPU over the run: {string.Join(", ", parts)}, of {Environment.ProcessorCount}.");
    }

    public void Dispose()
    {
        foreach ((_, Process process, _) in this.emulator)
        {
            process.Dispose();
        }
    }

    private static TimeSpan HostCpu()
    {
        using Process self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static TimeSpan? CpuOf(Process process)
    {
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
