using System.Globalization;
using Emigrate.Domain.Cases;

namespace Serverless.Bench.App;

/// <summary>
/// How seeded cases spread over CSCs, states and stages, so partitions look like production: about a hundred
/// cases per CSC, states weighted roughly by emigration flows, stages from just registered to closed.
/// </summary>
internal static class SeedPlan
{
    /// <summary>Cases per CSC partition (a VLE's year of camps).</summary>
    public const int CasesPerCsc = 100;

    // (state, district, PIN, weight): the heaviest-emigration states first.
    private static readonly (string State, string District, string Pin, int Weight)[] States =
    [
        ("Uttar Pradesh", "Gorakhpur", "273001", 20),
        ("Bihar", "Siwan", "841226", 14),
        ("Kerala", "Malappuram", "676505", 10),
        ("Kerala", "Kollam", "691001", 4),
        ("Tamil Nadu", "Ramanathapuram", "623501", 8),
        ("Rajasthan", "Jhunjhunu", "333001", 7),
        ("West Bengal", "Murshidabad", "742101", 6),
        ("Telangana", "Nizamabad", "503001", 5),
        ("Andhra Pradesh", "East Godavari", "533101", 5),
        ("Punjab", "Jalandhar", "144001", 5),
        ("Maharashtra", "Mumbai", "400017", 5),
        ("Karnataka", "Udupi", "576101", 3),
        ("Gujarat", "Kutch", "370001", 2),
        ("Odisha", "Ganjam", "761001", 2),
        ("Jharkhand", "Giridih", "815301", 1),
        ("Delhi", "New Delhi", "110001", 1),
        ("Madhya Pradesh", "Bhopal", "462001", 1),
        ("Haryana", "Hisar", "125001", 1),
    ];

    private static readonly (CaseStage Stage, int Weight)[] Stages =
    [
        (CaseStage.Registered, 3), (CaseStage.AwaitingDocuments, 18), (CaseStage.DocumentsSentBack, 5),
        (CaseStage.DocumentsVerified, 8), (CaseStage.MedicalBooked, 8), (CaseStage.MedicalFit, 4),
        (CaseStage.MedicalUnfit, 1), (CaseStage.InsuranceRequested, 4), (CaseStage.Insured, 4),
        (CaseStage.ClearanceSubmitted, 5), (CaseStage.ClearanceSentBack, 1), (CaseStage.Cleared, 30),
        (CaseStage.ClearanceRejected, 1), (CaseStage.Withdrawn, 4), (CaseStage.Expired, 4),
    ];

    public static (string State, string District, string Pin) StateOf(int n) => Pick(States, n * 7919, s => s.Weight) is var s ? (s.State, s.District, s.Pin) : default;

    public static CaseStage StageOf(int n) => Pick(Stages, n * 104729, s => s.Weight).Stage;

    /// <summary>The CSC of seeded case <paramref name="n"/> among <paramref name="cscCount"/>; the first is the demo CSC, so its partition is a typical one.</summary>
    public static string CscOf(int n, int cscCount, string demoCsc)
    {
        int csc = n % cscCount;
        return csc == 0 ? demoCsc : "csc-seed-" + csc.ToString("D5", CultureInfo.InvariantCulture);
    }

    private static T Pick<T>(T[] items, int seed, Func<T, int> weight)
    {
        int total = items.Sum(weight);
        int at = (int)((uint)seed % (uint)total);
        foreach (T item in items)
        {
            at -= weight(item);
            if (at < 0)
            {
                return item;
            }
        }

        return items[^1];
    }
}
