namespace Serverless.Testing;

/// <summary>Names for containers, queues and tables that no other test uses, so tests never share state.</summary>
public static class UniqueNames
{
    /// <summary>A lower-case container or queue name: the prefix plus 12 random hex digits (3–63 characters, DNS-safe).</summary>
    public static string Container(string prefix = "c") => $"{prefix.ToLowerInvariant()}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 13)];

    /// <summary>A queue name (same rules as a container name).</summary>
    public static string Queue(string prefix = "q") => Container(prefix);

    /// <summary>A table name: letters and digits only, starting with a letter.</summary>
    public static string Table(string prefix = "t") => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 16)];
}
