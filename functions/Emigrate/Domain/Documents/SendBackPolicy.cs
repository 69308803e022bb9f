namespace Emigrate.Domain.Documents;

/// <summary>
/// How often a verifier may send documents back before the case needs a supervisor (product decision: 3).
/// </summary>
/// <remarks>
/// A round is one move of the case into <c>documentsSentBack</c> (or <c>clearanceSentBack</c>), however many
/// documents it sent back at once. After <see cref="MaxRounds"/> rounds a verifier can only approve; a case that
/// would need a fourth round is flagged for a supervisor instead.
/// </remarks>
public static class SendBackPolicy
{
    /// <summary>Send-back rounds allowed per case.</summary>
    public const int MaxRounds = 3;

    /// <summary>Whether another round may be started after <paramref name="roundsSoFar"/>.</summary>
    public static bool MaySendBack(int roundsSoFar) => roundsSoFar < MaxRounds;

    /// <summary>Whether a wish to send back once more must go to a supervisor.</summary>
    public static bool NeedsSupervisor(int roundsSoFar) => !MaySendBack(roundsSoFar);
}
