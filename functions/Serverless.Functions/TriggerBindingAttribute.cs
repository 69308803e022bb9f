namespace Serverless.Functions;

/// <summary>The base of every trigger attribute: exactly one parameter of a function carries one.</summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public abstract class TriggerBindingAttribute : Attribute
{
}
