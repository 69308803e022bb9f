namespace Serverless.Durable.Client;

/// <summary>What a client sees of an orchestration instance.</summary>
public sealed class OrchestrationMetadata
{
    private readonly DataConverter converter;

    /// <summary>Creates metadata.</summary>
    /// <param name="name">The orchestrator's name.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="converter">The converter the Read methods use; the default JSON converter if <see langword="null"/>.</param>
    public OrchestrationMetadata(string name, string instanceId, DataConverter? converter = null)
    {
        this.Name = name;
        this.InstanceId = instanceId;
        this.converter = converter ?? JsonDataConverter.Default;
    }

    /// <summary>The orchestrator's name.</summary>
    public string Name { get; }

    /// <summary>The instance id.</summary>
    public string InstanceId { get; }

    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The serialized input, when fetched.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The serialized output, when fetched.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The serialized custom status, when fetched.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>The failure, for failed instances.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Whether the instance is Running.</summary>
    public bool IsRunning => this.RuntimeStatus == OrchestrationRuntimeStatus.Running;

    /// <summary>Whether the instance has finished (Completed, Failed, Canceled or Terminated).</summary>
    public bool IsCompleted => this.RuntimeStatus.IsTerminal();

    /// <summary>Deserializes the input.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <returns>The input, or <see langword="default"/>.</returns>
    public T? ReadInputAs<T>() => this.converter.Deserialize<T>(this.SerializedInput);

    /// <summary>Deserializes the output.</summary>
    /// <typeparam name="T">The output type.</typeparam>
    /// <returns>The output, or <see langword="default"/>.</returns>
    public T? ReadOutputAs<T>() => this.converter.Deserialize<T>(this.SerializedOutput);

    /// <summary>Deserializes the custom status.</summary>
    /// <typeparam name="T">The custom status type.</typeparam>
    /// <returns>The custom status, or <see langword="default"/>.</returns>
    public T? ReadCustomStatusAs<T>() => this.converter.Deserialize<T>(this.SerializedCustomStatus);
}
