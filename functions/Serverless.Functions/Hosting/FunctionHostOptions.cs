using System.ComponentModel.DataAnnotations;

namespace Serverless.Functions.Hosting;

/// <summary>Settings of the host process (configuration section <c>Host</c>, as in <c>local.settings.json</c>).</summary>
public sealed class FunctionHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Host";

    /// <summary>The HTTP port; 0 lets the OS pick one. Default 7071, as the Functions tools use.</summary>
    [Range(0, 65535)]
    public int LocalHttpPort { get; set; } = 7071;

    /// <summary>The address to listen on; loopback by default, so a developer's host is not reachable from the network.</summary>
    [Required]
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>How long running invocations may go on after shutdown begins before they are cancelled.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Start Azurite when the storage connection is <c>UseDevelopmentStorage=true</c> and nothing answers on its ports.</summary>
    public bool StartAzurite { get; set; } = true;
}
