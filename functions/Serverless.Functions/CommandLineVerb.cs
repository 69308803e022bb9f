namespace Serverless.Functions;

/// <summary>
/// An app's own command-line verb (<c>dotnet run -- import …</c>), registered in the app's services: the host
/// runs it instead of serving, the way it runs <c>keys …</c> and <c>reset</c>.
/// </summary>
/// <remarks>The host does not start Azurite for an app verb; a verb that needs storage reaches it itself.</remarks>
public interface ICommandLineVerb
{
    /// <summary>The verb, the first command-line argument: lower-case letters, digits and hyphens.</summary>
    string Name { get; }

    /// <summary>Runs the verb with the arguments after it; the result is the process exit code.</summary>
    /// <param name="args">The arguments after the verb.</param>
    /// <param name="output">Standard output: the verb's answer.</param>
    /// <param name="error">Standard error: progress, messages and logs.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken);
}
