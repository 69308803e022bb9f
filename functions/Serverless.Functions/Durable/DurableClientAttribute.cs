namespace Serverless.Functions;

/// <summary>Binds the parameter it marks to the engine's <c>DurableTaskClient</c> for starting and managing orchestrations.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class DurableClientAttribute : Attribute
{
}
