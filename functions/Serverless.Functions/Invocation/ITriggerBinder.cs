using System.Reflection;

namespace Serverless.Functions.Invocation;

/// <summary>Knows one kind of trigger: checks its parameter at start-up and binds it and the trigger's extra parameters.</summary>
internal interface ITriggerBinder
{
    /// <summary>The trigger attribute this binder handles.</summary>
    Type AttributeType { get; }

    /// <summary>Binds the parameter carrying the trigger attribute, or returns why it cannot be bound.</summary>
    BindingResult BindTrigger(FunctionDefinition function, ParameterInfo parameter);

    /// <summary>Binds another parameter of a function with this trigger (a route value, the <c>HttpContext</c>, …); <see langword="null"/> when it is not this binder's.</summary>
    BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter);
}
