using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Serverless.Functions.Invocation;

/// <summary>Counters of the meter <c>Serverless.Functions</c>: invocations by function and outcome, and their durations.</summary>
internal sealed class FunctionMetrics
{
    public const string MeterName = "Serverless.Functions";

    private readonly Counter<long> _invocations;
    private readonly Histogram<double> _duration;

    public FunctionMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _invocations = meter.CreateCounter<long>("functions.invocations", "{invocation}", "Function invocations by function and outcome.");
        _duration = meter.CreateHistogram<double>("functions.invocation.duration", "ms", "How long invocations took.");
    }

    public void Record(string function, string outcome, double milliseconds)
    {
        var tags = new TagList { { "function", function }, { "outcome", outcome } };
        _invocations.Add(1, tags);
        _duration.Record(milliseconds, tags);
    }
}
