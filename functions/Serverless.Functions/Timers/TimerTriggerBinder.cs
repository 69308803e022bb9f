using System.Reflection;
using Microsoft.Extensions.Configuration;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Timers;

/// <summary>Binds <c>[TimerTrigger] TimerInfo</c> and checks the schedule at start-up.</summary>
internal sealed class TimerTriggerBinder(IConfiguration configuration) : ITriggerBinder
{
    public Type AttributeType => typeof(TimerTriggerAttribute);

    public BindingResult BindTrigger(FunctionDefinition function, ParameterInfo parameter)
    {
        if (parameter.ParameterType != typeof(TimerInfo))
        {
            return BindingResult.Fail($"[TimerTrigger] binds to TimerInfo, not {parameter.ParameterType.Name}.");
        }

        if (ResolveSchedule((TimerTriggerAttribute)function.Trigger, out var error) is null)
        {
            return BindingResult.Fail(error!);
        }

        return BindingResult.Ok(static c => ValueTask.FromResult(c.TriggerValue));
    }

    public BindingResult? BindParameter(FunctionDefinition function, ParameterInfo parameter) => null;

    /// <summary>Parses the schedule, reading <c>%Name%</c> from configuration.</summary>
    public TimerSchedule? ResolveSchedule(TimerTriggerAttribute trigger, out string? error)
    {
        var expression = trigger.Schedule;
        if (expression.Length > 2 && expression.StartsWith('%') && expression.EndsWith('%'))
        {
            var name = expression[1..^1];
            expression = configuration[name] ?? string.Empty;
            if (expression.Length == 0)
            {
                error = $"schedule setting '{name}' is not configured.";
                return null;
            }
        }

        return TimerSchedule.TryParse(expression, out error);
    }
}
