using System.Text;
using Serverless.Testing;

namespace Emigrate.Tests.Walkthrough;

/// <summary>The README's walkthrough: the bash blocks of its section, in the order a person pastes them.</summary>
internal static class ReadmeWalkthrough
{
    public const string Heading = "## Walk one case through, with curl";

    public static string ReadmePath => Path.Combine(RepositoryRoot.Path, "README.md");

    /// <summary>The <c>```bash</c> blocks between the heading and the next level-2 heading.</summary>
    public static IReadOnlyList<string> Blocks(string readme)
    {
        ArgumentNullException.ThrowIfNull(readme);
        string[] lines = readme.ReplaceLineEndings("\n").Split('\n');
        int start = Array.FindIndex(lines, l => l.TrimEnd() == Heading);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no '{Heading}' section.");
        }

        var blocks = new List<string>();
        StringBuilder? block = null;
        foreach (string line in lines.Skip(start + 1))
        {
            if (block is not null)
            {
                if (line.TrimEnd() == "```")
                {
                    blocks.Add(block.ToString());
                    block = null;
                }
                else
                {
                    block.Append(line).Append('\n');
                }
            }
            else if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                break;
            }
            else if (line.TrimEnd() == "```bash")
            {
                block = new StringBuilder();
            }
        }

        // A block left open would silently drop the rest of the walkthrough from the test.
        return block is null ? blocks : throw new InvalidOperationException("A bash block of the walkthrough is not closed.");
    }
}
