namespace Serverless.Functions.Hosting;

/// <summary>How <see cref="FunctionsApplication.CreateBuilder(FunctionsApplicationOptions)"/> finds its settings.</summary>
public sealed class FunctionsApplicationOptions
{
    /// <summary>The command line: an optional verb (<c>keys …</c>, <c>reset</c>) and configuration arguments.</summary>
    public IReadOnlyList<string> Args { get; init; } = [];

    /// <summary>The folder holding <c>host.json</c> and <c>local.settings.json</c>; found by walking up from the working and base folders when not given.</summary>
    public string? AppRoot { get; init; }

    /// <summary>Read (and create from the sample) <c>local.settings.json</c>; tests turn this off and pass settings directly.</summary>
    public bool UseLocalSettings { get; init; } = true;

    /// <summary>The environment name; default <c>Development</c> when <c>local.settings.json</c> is used (as the Functions tools do), else the usual ASP.NET Core rules.</summary>
    public string? EnvironmentName { get; init; }

    /// <summary>Settings applied above <c>host.json</c> and <c>local.settings.json</c> but below the environment (for tests).</summary>
    public IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}
