namespace Serverless.Durable.TestWorker.Hosting;

/// <summary>The command line: <c>--connection CS --hub NAME --records TABLE [--name A] [--activity-delay-ms 50]</c>.</summary>
public sealed record WorkerArguments(string ConnectionString, string HubName, string RecordsTable, string Name, TimeSpan ActivityDelay)
{
    /// <summary>What the process prints on stdout once its worker runs, so a test knows when it can be killed meaningfully.</summary>
    public const string ReadyLine = "WORKER READY";

    public static WorkerArguments Parse(IReadOnlyList<string> args)
    {
        string? Option(string name)
        {
            for (int i = 0; i + 1 < args.Count; i++)
            {
                if (args[i] == name)
                {
                    return args[i + 1];
                }
            }

            return null;
        }

        string Required(string name) => Option(name) ?? throw new ArgumentException($"Missing {name}. Usage: --connection CS --hub NAME --records TABLE [--name A] [--activity-delay-ms 50]");

        return new WorkerArguments(
            Required("--connection"),
            Required("--hub"),
            Required("--records"),
            Option("--name") ?? $"worker-{Environment.ProcessId}",
            TimeSpan.FromMilliseconds(int.Parse(Option("--activity-delay-ms") ?? "50", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The command line for <paramref name="name"/> on a hub, for the tests' side.</summary>
    public IReadOnlyList<string> ToArgs() =>
    [
        "--connection", this.ConnectionString, "--hub", this.HubName, "--records", this.RecordsTable, "--name", this.Name,
        "--activity-delay-ms", ((int)this.ActivityDelay.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
