using Emigrate.Data.Cases;

namespace Emigrate.Sms.Inbound;

/// <summary>
/// The case directory the SMS side reads, which the case workflow registers (<c>AddCases</c>). Taken as an
/// optional dependency so the host still starts (keys, import, health) in a build without the case workflow;
/// an SMS that needs a case lookup then fails loudly instead of answering wrongly.
/// </summary>
public sealed class CaseLookup(IEnumerable<ICaseDirectory> directories)
{
    private readonly ICaseDirectory? _directory = directories.LastOrDefault();

    /// <summary>The registered directory.</summary>
    /// <exception cref="InvalidOperationException">None is registered.</exception>
    public ICaseDirectory Current => _directory
        ?? throw new InvalidOperationException("No ICaseDirectory is registered: the case workflow (EmigrateRegistration.AddCases) provides it.");
}
