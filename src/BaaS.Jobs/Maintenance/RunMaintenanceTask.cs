namespace BaaS.Jobs;

/// <summary>
/// Runs one of the app's <see cref="IMaintenanceTask"/>s, by name: the command of the recurring jobs that
/// <see cref="MaintenanceSchedules"/> registers, so features' housekeeping runs once per schedule across all nodes.
/// </summary>
internal sealed class RunMaintenanceTask(IEnumerable<IMaintenanceTask> tasks) : IAsyncCommand<string>
{
    public Task ExecuteAsync(string arg, CancellationToken cancellationToken)
    {
        var task = tasks.FirstOrDefault(t => t.Name == arg)
            ?? throw new InvalidOperationException($"No maintenance task is named '{arg}' in this app: delete the recurring job '{arg}' if the feature was removed.");
        return task.RunAsync(cancellationToken);
    }
}
