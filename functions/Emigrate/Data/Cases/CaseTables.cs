using Serverless.Storage.Tables;

namespace Emigrate.Data.Cases;

/// <summary>The tables of the case workflow; names are prefixed so tests can use their own.</summary>
/// <param name="service">The table service.</param>
/// <param name="prefix">A prefix for every table name (empty in the app).</param>
public sealed class CaseTables(TableServiceClient service, string prefix = "")
{
    /// <summary>One row per case: the read model of queries, its timeline included (PK case id, RK the case id: see <see cref="CaseKeys"/>).</summary>
    public TableClient Cases { get; } = service.GetTableClient(prefix + "Cases");

    /// <summary>The case lists by CSC, PoE office and requested insurer, all stages and per stage, as page rows: see <see cref="CaseLists"/>.</summary>
    public TableClient Lists { get; } = service.GetTableClient(prefix + "CaseLists");

    /// <summary>The open case of a passport (PK passport number): insert-if-absent dedupe.</summary>
    public TableClient ByPassport { get; } = service.GetTableClient(prefix + "CaseByPassport");

    /// <summary>Cases of a mobile, newest first (PK mobile, RK inverted registration ticks), and the latest one as a single row (RK "latest|" + mobile).</summary>
    public TableClient ByMobile { get; } = service.GetTableClient(prefix + "CasesByMobile");

    /// <summary>Every table.</summary>
    public IEnumerable<TableClient> All => [this.Cases, this.Lists, this.ByPassport, this.ByMobile];

    /// <summary>Creates the tables that do not exist.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (TableClient table in this.All)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }
}
