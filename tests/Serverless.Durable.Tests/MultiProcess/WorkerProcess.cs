using System.Collections.Concurrent;
using System.Diagnostics;
using Serverless.Durable.TestWorker.Hosting;

namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>
/// One <c>Serverless.Durable.TestWorker</c> process. <see cref="Kill"/> is a crash (SIGKILL of the whole tree);
/// disposing stops it gracefully first if it is still running, and kills it if that does not end it.
/// </summary>
/// <remarks>The worker also exits when its stdin closes, so it cannot outlive a test process that dies itself.</remarks>
public sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ITestOutputHelper output;
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<string> errors = new();
    private IReadOnlyList<int> owned = [];
    private readonly TaskCompletionSource owning = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process, string name, ITestOutputHelper output)
    {
        this.process = process;
        this.Name = name;
        this.output = output;
    }

    public string Name { get; }

    public bool HasExited => this.process.HasExited;

    /// <summary>The control partitions the worker last reported holding.</summary>
    public IReadOnlyList<int> OwnedPartitions => Volatile.Read(ref this.owned);

    /// <summary>Lines the worker wrote to stderr (warnings and errors).</summary>
    public IReadOnlyCollection<string> Errors => this.errors;

    public static async Task<WorkerProcess> StartAsync(WorkerArguments arguments, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Serverless.Durable.TestWorker.dll"));
        foreach (string arg in arguments.ToArgs())
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var worker = new WorkerProcess(process, arguments.Name, output);
        process.OutputDataReceived += (_, e) => worker.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => worker.OnError(e.Data);
        process.Exited += (_, _) => worker.ready.TrySetException(new InvalidOperationException($"Worker {arguments.Name} exited before it was ready:\n{string.Join('\n', worker.errors)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await worker.ready.Task.WaitAsync(cancellationToken);
        }
        catch
        {
            await worker.DisposeAsync();
            throw;
        }

        worker.Log($"started (pid {process.Id})");
        return worker;
    }

    /// <summary>Completes once the worker reports holding at least one control partition (so it runs orchestration steps).</summary>
    public Task WaitUntilOwningAsync(CancellationToken cancellationToken) => this.owning.Task.WaitAsync(cancellationToken);

    /// <summary>Crashes the worker: SIGKILL, no chance to release locks or finish anything.</summary>
    public void Kill()
    {
        this.KillTree();
        this.process.WaitForExit();
        this.Log("killed");
    }

    /// <summary>Asks the worker to stop (closes its stdin) and waits for it to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!this.process.HasExited)
        {
            this.process.StandardInput.Close();
        }

        await this.process.WaitForExitAsync(cancellationToken);
        this.Log($"stopped (exit code {this.process.ExitCode})");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await this.StopAsync(grace.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            this.KillTree();
        }
        finally
        {
            this.KillTree();
            this.process.Dispose();
        }
    }

    // The SDK sets DOTNET_HOST_PATH for test hosts; the worker must run on the same runtime.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private void KillTree()
    {
        try
        {
            if (!this.process.HasExited)
            {
                this.process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Not started, or already gone.
        }
    }

    private void OnOutput(string? line)
    {
        if (line == WorkerArguments.ReadyLine)
        {
            this.ready.TrySetResult();
        }
        else if (line is not null && PartitionReporter.Parse(line) is { } partitions)
        {
            Volatile.Write(ref this.owned, partitions);
            this.Log($"owns partitions [{string.Join(',', partitions)}]");
            if (partitions.Count > 0)
            {
                this.owning.TrySetResult();
            }
        }
    }

    private void OnError(string? line)
    {
        if (line is not null)
        {
            this.errors.Enqueue(line);
            this.Log(line);
        }
    }

    private void Log(string text)
    {
        try
        {
            this.output.WriteLine($"[{this.Name}] {text}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; its output is closed.
        }
    }
}
