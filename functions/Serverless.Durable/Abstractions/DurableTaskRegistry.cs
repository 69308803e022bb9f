namespace Serverless.Durable;

/// <summary>The orchestrators and activities a worker can run, by name (case-insensitive).</summary>
/// <remarks>
/// Registration builds one delegate per function up front, so running a function costs no reflection.
/// Renaming a function while instances are running strands them: their history names the old one.
/// </remarks>
public sealed class DurableTaskRegistry
{
    private readonly Dictionary<string, OrchestratorFunc> orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityFunc> activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator with an input and an output.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The name clients and parents start it by.</param>
    /// <param name="implementation">The orchestrator.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator<TInput, TOutput>(string name, Func<TaskOrchestrationContext, TInput?, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return this.Add(this.orchestrators, name, async context => await implementation(context, context.GetInput<TInput>()));
    }

    /// <summary>Registers an orchestrator without input.</summary>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The name clients and parents start it by.</param>
    /// <param name="implementation">The orchestrator.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator<TOutput>(string name, Func<TaskOrchestrationContext, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return this.Add(this.orchestrators, name, async context => await implementation(context));
    }

    /// <summary>Registers an orchestrator without input or output.</summary>
    /// <param name="name">The name clients and parents start it by.</param>
    /// <param name="implementation">The orchestrator.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddOrchestrator(string name, Func<TaskOrchestrationContext, Task> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return this.Add(this.orchestrators, name, async context =>
        {
            await implementation(context);
            return null;
        });
    }

    /// <summary>Registers an activity with an input and an output.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The name orchestrators call it by.</param>
    /// <param name="implementation">The activity.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity<TInput, TOutput>(string name, Func<TaskActivityContext, TInput?, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return this.Add(this.activities, name, async (context, converter, input) => await implementation(context, converter.Deserialize<TInput>(input)));
    }

    /// <summary>Registers an activity without output.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <param name="name">The name orchestrators call it by.</param>
    /// <param name="implementation">The activity.</param>
    /// <returns>This registry.</returns>
    public DurableTaskRegistry AddActivity<TInput>(string name, Func<TaskActivityContext, TInput?, Task> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return this.Add(this.activities, name, async (context, converter, input) =>
        {
            await implementation(context, converter.Deserialize<TInput>(input));
            return null;
        });
    }

    internal bool TryGetOrchestrator(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out OrchestratorFunc orchestrator) =>
        this.orchestrators.TryGetValue(name, out orchestrator);

    internal bool TryGetActivity(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ActivityFunc activity) =>
        this.activities.TryGetValue(name, out activity);

    private DurableTaskRegistry Add<TFunc>(Dictionary<string, TFunc> functions, string name, TFunc function)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!functions.TryAdd(name, function))
        {
            throw new ArgumentException($"A function named '{name}' is already registered.", nameof(name));
        }

        return this;
    }
}

/// <summary>A registered orchestrator: runs the code against a context and returns its boxed output.</summary>
internal delegate Task<object?> OrchestratorFunc(TaskOrchestrationContext context);

/// <summary>A registered activity: deserializes the input, runs the code and returns its boxed output.</summary>
internal delegate Task<object?> ActivityFunc(TaskActivityContext context, DataConverter converter, string? input);
