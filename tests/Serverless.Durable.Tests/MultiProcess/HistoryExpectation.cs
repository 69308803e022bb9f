namespace Serverless.Durable.Tests.MultiProcess;

/// <summary>How many of each scheduled thing one completed history holds.</summary>
public sealed record HistoryExpectation(int Activities, int Timers = 0, int SubOrchestrations = 0, int EventsRaised = 0);
