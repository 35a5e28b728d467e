using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BaaS.Maintenance;

/// <summary>
/// Runs every <see cref="IMaintenanceTask"/> on its schedule on this node, unless an <see cref="IMaintenanceScheduler"/>
/// (BaaS.Jobs) runs them. A task's first run is its schedule's first time after the node started; a run that fails is
/// logged and the task runs again at its next time.
/// </summary>
internal sealed class MaintenanceTimer(IEnumerable<IMaintenanceTask> tasks, IEnumerable<IMaintenanceScheduler> schedulers, TimeProvider clock,
    ILogger<MaintenanceTimer> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schedulers.Any()) return Task.CompletedTask;
        return Task.WhenAll(tasks.Select(task => RunOnScheduleAsync(task, stoppingToken)));
    }

    private async Task RunOnScheduleAsync(IMaintenanceTask task, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (task.Schedule.NextAfter(now) is not { } next) return;
            try
            {
                var wait = next - now;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
                await task.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database away, say: the next run tries again.
                MaintenanceLog.TaskFailed(logger, task.Name, e);
            }
        }
    }
}

/// <summary>The maintenance timer's log messages (event ids 5850-5859).</summary>
internal static partial class MaintenanceLog
{
    [LoggerMessage(5850, LogLevel.Warning, "Maintenance task {Name} failed; it runs again at its next scheduled time")]
    public static partial void TaskFailed(ILogger logger, string name, Exception exception);
}
