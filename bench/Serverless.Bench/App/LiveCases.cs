namespace Serverless.Bench.App;

/// <summary>The cases registered so far (id and mobile), for status queries to pick from while they run.</summary>
internal sealed class LiveCases
{
    private readonly List<(string CaseId, string Mobile)> _cases = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (this._lock)
            {
                return this._cases.Count;
            }
        }
    }

    public void Add(string caseId, string mobile)
    {
        lock (this._lock)
        {
            this._cases.Add((caseId, mobile));
        }
    }

    public (string CaseId, string Mobile)? Pick()
    {
        lock (this._lock)
        {
            return this._cases.Count == 0 ? null : this._cases[Random.Shared.Next(this._cases.Count)];
        }
    }
}
