using System.Security.Cryptography;
using System.Collections.Concurrent;
using Emigrate.Data.Cases;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Identifiers;

namespace Emigrate.Tests.Sms.Support;

/// <summary>The case directory the SMS side consumes, held in memory (the real one is the case workflow's, over the Cases table).</summary>
internal sealed class InMemoryCaseDirectory : ICaseDirectory
{
    private readonly ConcurrentDictionary<string, CaseSummary> _cases = new(StringComparer.Ordinal);
    private static readonly RandomNumberGenerator Random = RandomNumberGenerator.Create();
    private int _sequence;

    public CaseSummary Add(string mobile, Language language = Language.English, CaseStage stage = CaseStage.AwaitingDocuments, string poeOffice = "poe-mumbai")
    {
        var n = Interlocked.Increment(ref _sequence);
        var summary = new CaseSummary(
            CaseId.New(Random),
            Mobile(mobile),
            language,
            stage,
            poeOffice,
            "CSC-TEST-0001",
            new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero).AddMinutes(n));
        _cases[summary.CaseId.Value] = summary;
        return summary;
    }

    public void Move(CaseId caseId, CaseStage stage) => _cases[caseId.Value] = _cases[caseId.Value] with { Stage = stage };

    public Task<CaseSummary?> GetAsync(CaseId caseId, CancellationToken cancellationToken) =>
        Task.FromResult(_cases.GetValueOrDefault(caseId.Value));

    public Task<CaseSummary?> FindLatestByMobileAsync(MobileNumber mobile, CancellationToken cancellationToken) =>
        Task.FromResult(_cases.Values.Where(c => c.Mobile == mobile).MaxBy(c => c.RegisteredAt));

    public static MobileNumber Mobile(string text) =>
        MobileNumber.TryParse(text, out var mobile) ? mobile : throw new ArgumentException($"Not a mobile: {text}", nameof(text));
}
