namespace Serverless.Functions.Invocation;

/// <summary>Either a parameter's binding or the reason it cannot be bound.</summary>
internal readonly record struct BindingResult(ParameterBinding? Binding, string? Error)
{
    public static BindingResult Ok(ParameterBinding binding) => new(binding, null);

    public static BindingResult Fail(string error) => new(null, error);

    public static implicit operator BindingResult(ParameterBinding binding) => Ok(binding);
}
