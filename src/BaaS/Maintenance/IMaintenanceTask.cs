namespace BaaS;

/// <summary>
/// A feature's periodic housekeeping (deleting expired rows, say), registered with
/// <see cref="MaintenanceServiceCollectionExtensions.AddMaintenanceTask{TTask}"/>. In an app with BaaS.Jobs each task
/// runs as a recurring job named <see cref="Name"/> (once per run across all nodes, shown and pausable in the jobs
/// dashboard); without it, every node runs it on a timer. So a task must be safe to run on several nodes at once and to
/// run again after a failure.
/// </summary>
public interface IMaintenanceTask
{
    /// <summary>The task's name, unique in the app; the recurring job's name under BaaS.Jobs (e.g. <c>baas-request-logs-retention</c>).</summary>
    string Name { get; }

    /// <summary>When it runs (UTC): a cron expression or an interval, as jobs' schedules.</summary>
    Schedule Schedule { get; }

    /// <summary>Does the work once; the token fires when the node stops (or the job times out or is cancelled).</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
