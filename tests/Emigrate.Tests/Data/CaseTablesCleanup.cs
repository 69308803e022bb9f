using Emigrate.Data.Cases;

namespace Emigrate.Tests.Data;

/// <summary>The end of a test class's own case tables.</summary>
internal static class CaseTablesCleanup
{
    /// <summary>Deletes every table of the set (each test class makes its own, under a unique prefix).</summary>
    public static async Task DeleteAllAsync(this CaseTables tables)
    {
        foreach (var table in tables.All)
        {
            await table.DeleteAsync();
        }
    }
}
