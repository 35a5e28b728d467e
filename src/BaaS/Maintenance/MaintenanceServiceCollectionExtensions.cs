using BaaS.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace BaaS;

/// <summary>Registers features' housekeeping tasks.</summary>
public static class MaintenanceServiceCollectionExtensions
{
    /// <summary>
    /// Adds a periodic task (see <see cref="IMaintenanceTask"/>): run as a recurring job when the app has BaaS.Jobs,
    /// else by a timer on every node. Adding the same task type again changes nothing.
    /// </summary>
    public static IServiceCollection AddMaintenanceTask<TTask>(this IServiceCollection services) where TTask : class, IMaintenanceTask
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TTask>();
        if (!services.Any(d => d is MaintenanceTaskDescriptor { TaskType: var type } && type == typeof(TTask)))
            services.Add(new MaintenanceTaskDescriptor(typeof(TTask)));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, MaintenanceTimer>());
        return services;
    }

    /// <summary>
    /// How the app's maintenance tasks run: the registered <see cref="IMaintenanceScheduler"/>'s name (<c>jobs</c>), else
    /// <c>timer</c>.
    /// </summary>
    public static string MaintenanceRunner(this IServiceProvider services) =>
        services.GetServices<IMaintenanceScheduler>().FirstOrDefault()?.Name ?? "timer";

    /// <summary>The task as an <see cref="IMaintenanceTask"/>, resolved as the one singleton of its own type.</summary>
    private sealed class MaintenanceTaskDescriptor(Type taskType)
        : ServiceDescriptor(typeof(IMaintenanceTask), sp => (IMaintenanceTask)sp.GetRequiredService(taskType), ServiceLifetime.Singleton)
    {
        public Type TaskType { get; } = taskType;
    }
}
