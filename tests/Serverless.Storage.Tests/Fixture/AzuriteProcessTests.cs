using System.Diagnostics;
using System.Net.Sockets;
using Serverless.Testing;

namespace Serverless.Storage.Tests.Fixture;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task Started_emulator_answers_on_three_distinct_loopback_ports()
    {
        await using var azurite = await AzuriteProcess.StartAsync();

        var endpoints = new[] { azurite.BlobEndpoint, azurite.QueueEndpoint, azurite.TableEndpoint };
        Assert.All(endpoints, e => Assert.Equal("127.0.0.1", e.Host));
        Assert.Equal(3, endpoints.Select(e => e.Port).Distinct().Count());
        foreach (var endpoint in endpoints)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(endpoint.Host, endpoint.Port);
        }
    }

    [Fact]
    public async Task Disposing_the_fixture_ends_the_node_process()
    {
        var azurite = await AzuriteProcess.StartAsync();
        var pid = azurite.ProcessId;

        await azurite.DisposeAsync();

        Assert.False(IsRunning(pid));
    }

    [Fact]
    public async Task Emulator_exits_by_itself_when_its_parent_dies_without_cleaning_up()
    {
        // The "parent" is a shell that starts the wrapper and is then killed with SIGKILL, as an aborted test host would be.
        var script = Path.Combine(AzuriteInstaller.Folder, "run-azurite.js");
        await AzuriteInstaller.EnsureInstalledAsync(CancellationToken.None);
        var log = Path.Combine(Directory.CreateTempSubdirectory("azurite-orphan-").FullName, "azurite.log");
        var psi = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(
            $"AZURITE_PARENT_PID=$$ node '{script}' --inMemoryPersistence --disableTelemetry --silent " +
            "--blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --blobPort 0 --queuePort 0 --tablePort 0 " +
            $">'{log}' 2>&1 & echo $!; wait");
        using var parent = Process.Start(psi)!;
        var childPid = int.Parse((await parent.StandardOutput.ReadLineAsync())!, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            // Kill the parent only once Azurite is up, so the test is about the watchdog, not about a slow start on a busy machine.
            await WaitUntilAsync(() => File.Exists(log) && File.ReadAllText(log).Contains("Table service is successfully listening", StringComparison.Ordinal));
            Assert.True(IsRunning(childPid));

            parent.Kill(entireProcessTree: false);
            await parent.WaitForExitAsync();

            await WaitUntilAsync(() => !IsRunning(childPid));
            Assert.False(IsRunning(childPid), "Azurite outlived its killed parent.");
        }
        finally
        {
            // Only reached with a survivor when the assertion above failed: do not leave it behind.
            if (IsRunning(childPid))
            {
                Process.GetProcessById(childPid).Kill();
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // A give-up limit, not a timing expectation: a loaded CI machine may be slow to start node.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static bool IsRunning(int pid)
    {
        // A zombie has exited; /proc still lists it until reaped, so read its state.
        var stat = $"/proc/{pid}/stat";
        return File.Exists(stat) && !File.ReadAllText(stat).Split(' ')[2].Equals("Z", StringComparison.Ordinal);
    }
}
