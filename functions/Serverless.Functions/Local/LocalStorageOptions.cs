namespace Serverless.Functions.Local;

/// <summary>Where the local storage emulator lives, for the <c>dotnet run</c> experience.</summary>
internal sealed class LocalStorageOptions
{
    /// <summary>The app root (folder of <c>host.json</c>); <c>infra/azurite</c> is searched at and above it.</summary>
    public string? AppRoot { get; set; }
}
