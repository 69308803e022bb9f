using Serverless.Functions.Hosting;

namespace Serverless.Functions;

/// <summary>Creates the builder of a function app, as the isolated worker's <c>FunctionsApplication.CreateBuilder(args)</c>.</summary>
public static class FunctionsApplication
{
    /// <summary>A builder reading <c>host.json</c> and <c>local.settings.json</c> from the app root found above the working folder.</summary>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) =>
        new(new FunctionsApplicationOptions { Args = args });

    /// <summary>A builder with explicit options (tests use this to point at their own settings and storage).</summary>
    public static FunctionsApplicationBuilder CreateBuilder(FunctionsApplicationOptions options) => new(options);
}
