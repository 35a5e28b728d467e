using Microsoft.Extensions.Options;

namespace BaaS.Jobs;

/// <summary>
/// Registers a recurring job (command <see cref="RunMaintenanceTask"/>, named as the task, tag <c>maintenance</c>) for
/// every <see cref="IMaintenanceTask"/> of the app, so BaaS.Jobs runs them instead of each node's timer.
/// </summary>
internal sealed class MaintenanceSchedules(IEnumerable<IMaintenanceTask> tasks) : IConfigureOptions<JobsOptions>, IMaintenanceScheduler
{
    public string Name => "jobs";

    public void Configure(JobsOptions options)
    {
        foreach (var task in tasks)
            options.RecurringCommand<RunMaintenanceTask>(task.Name, task.Schedule, task.Name, new JobOptions { Tag = "maintenance" });
    }
}
