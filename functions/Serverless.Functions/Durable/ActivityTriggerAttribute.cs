namespace Serverless.Functions;

/// <summary>Makes a function an activity: the parameter it marks receives the activity's input, deserialised to its type.</summary>
/// <remarks>Activities run at least once: make them idempotent.</remarks>
public sealed class ActivityTriggerAttribute : TriggerBindingAttribute
{
}
