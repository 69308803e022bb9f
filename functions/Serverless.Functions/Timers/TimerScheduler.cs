using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Serverless.Functions.Hosting;
using Serverless.Functions.Invocation;

namespace Serverless.Functions.Timers;

/// <summary>Fires every timer function on its schedule; with a monitor, each occurrence fires in one host process only.</summary>
/// <remarks>
/// An invocation runs to completion before the next occurrence is computed, so a slow timer never overlaps itself;
/// occurrences it overran are skipped. On shutdown no new occurrence starts, and a running one gets the grace period.
/// </remarks>
internal sealed class TimerScheduler(
    FunctionCatalog catalog,
    TimerTriggerBinder binder,
    IScheduleMonitor monitor,
    FunctionExecutor executor,
    FunctionHostLifetime lifetime,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<TimerScheduler> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Timer work is background work: its storage requests give way to the ones callers wait on.
        using (Serverless.Storage.BackgroundStorageTraffic.Begin())
        {
            return Task.WhenAll(catalog.WithTrigger<TimerTriggerAttribute>().Select(f => RunTimerAsync(f, stoppingToken)));
        }
    }

    private async Task RunTimerAsync(FunctionDescriptor function, CancellationToken stoppingToken)
    {
        var trigger = (TimerTriggerAttribute)function.Definition.Trigger;
        var schedule = binder.ResolveSchedule(trigger, out _)!;
        try
        {
            var fired = await FirePastDueAsync(function, trigger, schedule, stoppingToken);
            if (trigger.RunOnStartup && !fired)
            {
                await InvokeAsync(function, new TimerInfo { ScheduleStatus = trigger.UseMonitor ? await monitor.GetStatusAsync(function.Name, stoppingToken) : null });
            }

            var last = time.GetUtcNow();
            while (!stoppingToken.IsCancellationRequested)
            {
                // From the later of now and the last occurrence, so an early wake-up never fires one occurrence twice.
                var now = time.GetUtcNow();
                var occurrence = schedule.NextAfter(now > last ? now : last);
                Log.TimerScheduled(logger, function.Name, occurrence);
                while (time.GetUtcNow() < occurrence)
                {
                    await Task.Delay(occurrence - time.GetUtcNow(), time, stoppingToken);
                }

                last = occurrence;
                var next = schedule.NextAfter(occurrence);
                if (trigger.UseMonitor && !await TryClaimAsync(function, occurrence, next, stoppingToken))
                {
                    continue;
                }

                await InvokeAsync(function, new TimerInfo
                {
                    IsPastDue = false,
                    ScheduleStatus = trigger.UseMonitor ? new ScheduleStatus { Last = occurrence, Next = next, LastUpdated = time.GetUtcNow() } : null,
                });
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown: no new occurrences.
        }
    }

    /// <summary>Runs an occurrence missed while no host ran, once, with <see cref="TimerInfo.IsPastDue"/> set.</summary>
    private async Task<bool> FirePastDueAsync(FunctionDescriptor function, TimerTriggerAttribute trigger, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        if (!trigger.UseMonitor)
        {
            return false;
        }

        var status = await monitor.GetStatusAsync(function.Name, stoppingToken);
        var now = time.GetUtcNow();
        if (status is null || status.Next >= now)
        {
            return false;
        }

        var next = schedule.NextAfter(now);
        if (!await TryClaimAsync(function, status.Next, next, stoppingToken))
        {
            return false;
        }

        Log.TimerPastDue(logger, function.Name, status.Next);
        await InvokeAsync(function, new TimerInfo
        {
            IsPastDue = true,
            ScheduleStatus = new ScheduleStatus { Last = status.Next, Next = next, LastUpdated = now },
        });
        return true;
    }

    private async Task<bool> TryClaimAsync(FunctionDescriptor function, DateTimeOffset occurrence, DateTimeOffset next, CancellationToken stoppingToken)
    {
        try
        {
            if (await monitor.TryClaimAsync(function.Name, occurrence, next, stoppingToken))
            {
                return true;
            }

            Log.TimerClaimedElsewhere(logger, function.Name, occurrence);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Without the claim we cannot know no other host fires it; skipping keeps the once-per-occurrence promise.
            Log.TimerClaimFailed(logger, ex, function.Name, occurrence);
            return false;
        }
    }

    private async Task InvokeAsync(FunctionDescriptor function, TimerInfo info)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultFunctionContext(function.Definition, scope.ServiceProvider, lifetime.GracePeriodExpired) { TriggerValue = info };
        try
        {
            await executor.ExecuteAsync(function, context);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Already logged by the executor with the invocation id; the timer keeps its schedule.
        }
    }
}
