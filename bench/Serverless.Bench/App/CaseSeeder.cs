using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Emigrate.Data.Cases;
using Emigrate.Data.Documents;
using Emigrate.Domain;
using Emigrate.Domain.Cases;
using Emigrate.Domain.Clearance;
using Emigrate.Domain.Identifiers;
using Emigrate.Domain.Registration;
using Emigrate.Domain.Time;
using Serverless.Storage.Tables;

namespace Serverless.Bench.App;

/// <summary>
/// Writes cases straight into the app's case tables (<see cref="CaseTables"/>), in the row shapes
/// <see cref="CaseStore"/> writes and reads, keyed by <see cref="CaseKeys"/>: the Cases row (with one timeline entry), the
/// mobile index and its latest-case row, the passport claim of open cases, and the case on its CSC's and PoE office's
/// lists, all stages and its stage (appended through the app's <see cref="CaseLists"/>, a transaction per page row).
/// Seeded cases have no
/// orchestration and no documents; the applicant is validated by the app's own <see cref="RegistrationValidator"/>.
/// </summary>
internal sealed class CaseSeeder(CaseTables tables, RegistrationValidator validator, string demoCsc, int cscCount, int concurrency)
{
    /// <summary>When set, every seeded applicant lives there (so the cases fall in that state's PoE office), instead of the plan's spread.</summary>
    public (string State, string District, string Pin)? HomeState { get; init; }

    public async Task<SeedResult> SeedAsync(int from, int count)
    {
        var owners = new ConcurrentDictionary<string, ConcurrentQueue<CaseListEntry>>(StringComparer.Ordinal);
        long rows = 0;
        var clock = Stopwatch.StartNew();
        int next = from - 1;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            using var random = RandomNumberGenerator.Create();
            int n;
            while ((n = Interlocked.Increment(ref next)) < from + count)
            {
                Interlocked.Add(ref rows, await this.WriteCaseAsync(n, random, owners));
                if ((n - from + 1) % Math.Max(1, count / 10) == 0)
                {
                    // Show the rate as it goes: one that falls as the tables grow means a write or read scans rows (it did while every case row shared one row key).
                    Console.WriteLine($"  seeded {n - from + 1:N0} cases, {(n - from + 1) / clock.Elapsed.TotalSeconds:0} cases/s so far");
                }
            }
        }));

        // Each list gets its cases appended after the ones it holds (the driven cases): a transaction per page row.
        var lists = new ConcurrentQueue<KeyValuePair<string, ConcurrentQueue<CaseListEntry>>>(owners);
        var appender = new CaseLists(tables.Lists);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (lists.TryDequeue(out var list))
            {
                await appender.AppendAsync(list.Key, list.Value.ToList(), CancellationToken.None);
                Interlocked.Add(ref rows, list.Value.Count);
            }
        }));

        return new SeedResult(count, Interlocked.Read(ref rows), clock.Elapsed);
    }

    private async Task<int> WriteCaseAsync(int n, RandomNumberGenerator random, ConcurrentDictionary<string, ConcurrentQueue<CaseListEntry>> owners)
    {
        var (state, district, pin) = this.HomeState ?? SeedPlan.StateOf(n);
        string passport = Applicants.Passport('S', n);
        string mobile = Applicants.Mobile('7', n);
        RegistrationResult result = validator.Validate(Applicants.Body(passport, mobile, state, district, pin).ToJsonString(), Applicants.Today);
        Applicant applicant = result.Applicant ?? throw new InvalidOperationException($"Seed applicant {n} is invalid: {string.Join("; ", result.Errors.Select(e => e.Key + ": " + string.Join(", ", e.Value)))}");

        CaseStage stage = SeedPlan.StageOf(n);
        string csc = SeedPlan.CscOf(n, cscCount, demoCsc);
        DateTimeOffset registeredAt = DateTimeOffset.UtcNow.AddMinutes(-(n % 525_600));
        DateTimeOffset updatedAt = registeredAt.AddDays(n % 20);
        string caseId = await this.InsertCaseRowAsync(random, applicant, csc, stage, registeredAt, updatedAt);
        int written = 1;

        var writes = new List<Task>
        {
            tables.ByMobile.UpsertEntityAsync(new TableEntity(mobile, CaseKeys.MobileRow(registeredAt, caseId)) { ["CaseId"] = caseId }, TableUpdateMode.Replace),
            new CaseStore(tables).PointMobileAtAsync(new CaseSummary(CaseId.TryParse(caseId, out CaseId? id) ? id : throw new InvalidOperationException(caseId), applicant.Mobile, applicant.PreferredLanguage, stage, applicant.PoeOffice, csc, registeredAt), CancellationToken.None),
        };
        if (!stage.IsTerminal())
        {
            writes.Add(tables.ByPassport.UpsertEntityAsync(new TableEntity(passport, CaseKeys.PassportRow(passport)) { ["CaseId"] = caseId }, TableUpdateMode.Replace));
        }

        await Task.WhenAll(writes);
        written += writes.Count;
        foreach (string owner in new[] { CaseKeys.CscOwner(csc), CaseKeys.PoeOwner(applicant.PoeOffice) })
        {
            // The all-stages list and the stage's own list, as CaseStore keeps them.
            foreach (string list in new[] { owner, CaseKeys.OwnerStage(owner, stage) })
            {
                owners.GetOrAdd(list, _ => new ConcurrentQueue<CaseListEntry>()).Enqueue(new CaseListEntry(caseId, stage, applicant.Name, registeredAt));
            }
        }

        return written;
    }

    private async Task<string> InsertCaseRowAsync(RandomNumberGenerator random, Applicant applicant, string csc, CaseStage stage, DateTimeOffset registeredAt, DateTimeOffset updatedAt)
    {
        DateOnly clearanceDay = ClearanceDeadline.Compute(DateOnly.MaxValue, applicant.Passport.ExpiryDate, null).Date;
        while (true)
        {
            string caseId = CaseId.New(random).Value;
            var row = new TableEntity(caseId, CaseKeys.CaseRow(caseId))
            {
                ["Stage"] = stage.WireName(),
                ["EventTarget"] = caseId,
                ["CscId"] = csc,
                ["PoeOffice"] = applicant.PoeOffice,
                ["PassportNumber"] = applicant.Passport.Number.Value,
                ["Mobile"] = applicant.Mobile.Value,
                ["Applicant"] = JsonSerializer.Serialize(applicant, EmigrateJson.Options),
                ["RegisteredAt"] = registeredAt,
                ["DocumentsDue"] = CaseDeadlines.DocumentsDue(registeredAt, new DeadlineOptions()),
                ["ClearanceDue"] = IndiaTime.At(clearanceDay, TimeOnly.MinValue),
                ["UpdatedAt"] = updatedAt,
                ["Note"] = "",
                [CaseDocumentsView.Property] = CaseDocumentsView.Empty,
                [CaseTimeline.Property] = CaseTimeline.With(null, new TimelineEntry(stage, updatedAt, "seeded")),
            };
            try
            {
                await tables.Cases.AddEntityAsync(row);
                return caseId;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // A case id drawn twice: draw again, as CaseStore does.
            }
        }
    }
}

/// <summary>How a seeding run went.</summary>
internal sealed record SeedResult(int Cases, long Rows, TimeSpan Elapsed)
{
    public double CasesPerSecond => this.Cases / this.Elapsed.TotalSeconds;

    public double RowsPerSecond => this.Rows / this.Elapsed.TotalSeconds;
}
