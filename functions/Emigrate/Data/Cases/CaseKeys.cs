using System.Globalization;
using Emigrate.Domain.Cases;

namespace Emigrate.Data.Cases;

/// <summary>
/// The keys of the case tables, shared by <see cref="CaseStore"/> and anything that writes rows in its shapes (the
/// benchmark's seeder), so the shapes cannot drift apart.
/// </summary>
/// <remarks>
/// Every row key is unique across its table. Azurite answers a point read by looking up the row key first and then
/// checking the partition of each hit (<c>LokiTableMetadataStore.getTableEntity</c>, <c>findOne</c> on its RowKey
/// index), so a row key shared by every row turned each point read into a scan of the table. On Azure it costs nothing.
/// </remarks>
public static class CaseKeys
{
    private const string PoePrefix = "poe|";
    private const string InsurerPrefix = "ins|";
    private const char StageSeparator = '|';

    /// <summary>The row key of a case's Cases row (partition: the case id).</summary>
    public static string CaseRow(string caseId) => caseId;

    /// <summary>The row key of a passport's claim in the passport index (partition: the passport number).</summary>
    public static string PassportRow(string passport) => passport;

    /// <summary>The row key of a case in its mobile's index partition: newest registration first.</summary>
    public static string MobileRow(DateTimeOffset registeredAt, string caseId) =>
        (DateTimeOffset.MaxValue.UtcTicks - registeredAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + caseId;

    /// <summary>
    /// The row key of a mobile's latest case in its mobile's partition, unique across the table, so the SMS lookup is
    /// one point read; it sorts after the partition's registration rows (those start with the inverted ticks' digits).
    /// </summary>
    public static string LatestOfMobileRow(string mobile) => "latest|" + mobile;

    /// <summary>The all-stages list key of a CSC (a partition of <see cref="CaseTables.Lists"/>).</summary>
    public static string CscOwner(string cscId) => cscId;

    /// <summary>The all-stages list key of a PoE office's jurisdiction.</summary>
    public static string PoeOwner(string poeOffice) => PoePrefix + poeOffice;

    /// <summary>The all-stages list key of an insurer's requests.</summary>
    public static string InsurerOwner(string insurerId) => InsurerPrefix + insurerId;

    /// <summary>
    /// The list key of an owner's cases in one stage: a stage-filtered list reads it alone, so every page is full
    /// rather than a filter over the owner's list that can come back empty with only a continuation token.
    /// </summary>
    public static string OwnerStage(string owner, CaseStage stage) => owner + StageSeparator + stage.WireName();

    /// <summary>The row key of a list's head row (partition: the list key), which names the list's page rows.</summary>
    public static string ListHead(string list) => "h|" + list;

    /// <summary>The row key of a page row of a list (partition: the list key).</summary>
    public static string ListPage(string list, long page) => "p|" + list + "|" + page.ToString("D10", CultureInfo.InvariantCulture);

    /// <summary>The row key of a case's member row in a list (partition: the list key): which page holds it.</summary>
    public static string ListMember(string list, string caseId) => "m|" + list + "|" + caseId;
}
