using System.Diagnostics;
using System.Text;

namespace Emigrate.Tests.Walkthrough;

/// <summary>What a bash run printed and how it ended.</summary>
internal sealed record BashResult(int ExitCode, string Output, string Errors)
{
    public string Describe() => $"bash exited with {ExitCode}.\n--- stdout ---\n{Output}\n--- stderr ---\n{Errors}";
}

/// <summary>Runs blocks in one <c>bash -euo pipefail</c> process, as one shell: any failing command stops the run.</summary>
internal static class BashScript
{
    public static async Task<BashResult> RunAsync(IEnumerable<string> blocks, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        string folder = Directory.CreateTempSubdirectory("emigrate-walkthrough-").FullName;
        string script = Path.Combine(folder, "walkthrough.sh");
        await File.WriteAllTextAsync(script, string.Join("\n", blocks));
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-euo", "pipefail", script })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(errors, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new BashResult(-1, Snapshot(output), Snapshot(errors) + $"\n(killed after {timeout.TotalSeconds:0} s)");
        }

        // The exit event can come before the last lines; WaitForExit() without a timeout drains the readers.
        process.WaitForExit();
        return new BashResult(process.ExitCode, Snapshot(output), Snapshot(errors));
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is not null)
        {
            lock (text)
            {
                text.AppendLine(line);
            }
        }
    }

    private static string Snapshot(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }
}
