namespace Serverless.Bench.Engine;

/// <summary>One engine scenario's figures.</summary>
/// <param name="Name">What ran.</param>
/// <param name="Instances">Orchestration instances completed.</param>
/// <param name="Activities">Activity calls completed.</param>
/// <param name="Elapsed">From the first start request to the last completion.</param>
/// <param name="P50Ms">Median latency of the scenario's unit (an instance end to end, or an event round trip).</param>
/// <param name="P99Ms">99th percentile of the same.</param>
/// <param name="WorkerRequests">Storage requests the worker sent (polling included).</param>
/// <param name="ClientRequests">Storage requests the client sent (starts, events).</param>
/// <param name="Breakdown">Worker requests by kind.</param>
internal sealed record EngineResult(
    string Name, int Instances, int Activities, TimeSpan Elapsed, double P50Ms, double P99Ms, long WorkerRequests, long ClientRequests, IReadOnlyDictionary<string, long> Breakdown)
{
    public double InstancesPerSecond => this.Instances / this.Elapsed.TotalSeconds;

    public double ActivitiesPerSecond => this.Activities / this.Elapsed.TotalSeconds;

    public double RequestsPerSecond => (this.WorkerRequests + this.ClientRequests) / this.Elapsed.TotalSeconds;

    public double RequestsPerActivity => this.Activities == 0 ? double.NaN : (this.WorkerRequests + this.ClientRequests) / (double)this.Activities;

    public double WorkerRequestsPerActivity => this.Activities == 0 ? double.NaN : this.WorkerRequests / (double)this.Activities;

    /// <summary>Worker requests per activity that were not empty polls: the work itself.</summary>
    public double WorkRequestsPerActivity => this.Activities == 0
        ? double.NaN
        : (this.WorkerRequests - this.Breakdown.GetValueOrDefault(RequestLedger.EmptyReceive)) / (double)this.Activities;
}
