using Emigrate.Domain.Cases;
using Serverless.Durable;
using Serverless.Functions;

namespace Emigrate.Orchestrations;

/// <summary>The case orchestrators as functions of the host.</summary>
public sealed class CaseOrchestrationFunctions
{
    /// <summary>One case, registration to end.</summary>
    [Function(CaseOrchestration.Name)]
    public Task<CaseStage> Case([OrchestrationTrigger] TaskOrchestrationContext context) =>
        CaseOrchestration.RunAsync(context, context.GetInput<CaseStart>()!);

    /// <summary>A documents phase.</summary>
    [Function(DocumentsOrchestration.Name)]
    public Task<PhaseOutcome> Documents([OrchestrationTrigger] TaskOrchestrationContext context) =>
        DocumentsOrchestration.RunAsync(context, context.GetInput<DocumentsInput>()!);

    /// <summary>A booked medical.</summary>
    [Function(MedicalOrchestration.Name)]
    public Task<PhaseOutcome> Medical([OrchestrationTrigger] TaskOrchestrationContext context) =>
        MedicalOrchestration.RunAsync(context, context.GetInput<MedicalInput>()!);
}
