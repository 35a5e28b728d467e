using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs;

/// <summary>Registers the jobs module in ASP.NET Core DI.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// Adds durable background jobs: <see cref="IBackgroundJobs"/> (scoped), the commands found in
    /// <paramref name="commandAssemblies"/> (every class implementing <see cref="IAsyncCommand{TArg}"/> or
    /// <see cref="IAsyncCommand{TArg, TResult}"/>, transient), a hosted service that runs them, the Admin-only
    /// management APIs (served when the app uses BaaS) and a health check named <c>jobs</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// builder.Services.AddBaaSJobs(o => o.UseDatabase("Data Source=App_Data/jobs.db", SqliteDialect.Instance), typeof(MyCommand).Assembly);
    /// </code>
    /// </example>
    /// <exception cref="InvalidOperationException">Two commands share a class name, or a command implements two command interfaces.</exception>
    public static IServiceCollection AddBaaSJobs(this IServiceCollection services, Action<JobsOptions>? configure, params Assembly[] commandAssemblies)
    {
        if (services.Any(d => d.ServiceType == typeof(CommandRegistry)))
            throw new InvalidOperationException("AddBaaSJobs was called twice: call it once, with every assembly that holds commands.");
        var optionsBuilder = services.AddOptions<JobsOptions>();
        if (configure is not null) optionsBuilder.Configure(configure);

        var scanned = commandAssemblies.Distinct().SelectMany(SafeTypes).ToList();
        // Built now so that two commands with one name fail here; built again with the commands libraries added
        // (AddBaaSJobCommand, before or after this call) when the app first needs it.
        var registry = new CommandRegistry(scanned);
        services.AddSingleton(sp => new CommandRegistry(scanned.Concat(sp.GetServices<JobCommandType>().Select(c => c.Type))));
        foreach (var command in registry.All) services.TryAddTransient(command.CommandType);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JobChanges>();
        services.AddSingleton<JobStore>();
        services.AddSingleton<JobFactory>();
        services.AddSingleton<JobRunner>();
        services.TryAddSingleton(sp => new JobTelemetry(sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
        services.AddSingleton<CompletionWriter>();
        services.AddSingleton<JobNode>();
        services.AddHostedService(sp => sp.GetRequiredService<JobNode>());
        services.AddSingleton<OutboxDrainer>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDrainer>());
        services.AddScoped<JobContext>();
        services.AddScoped<IJobContext>(sp => sp.GetRequiredService<JobContext>());
        services.AddScoped<IBackgroundJobs, BackgroundJobs>();
        services.AddHttpContextAccessor();
        services.AddHostedService<JobChangesPublisher>();
        // With server events on, the dashboard's channel (admins only, unless the app declared it itself) and its message.
        services.AddOptions<ServerEventsOptions>().Configure<IOptions<JobsOptions>>((events, jobs) =>
        {
            if (jobs.Value.EventsChannel is not { } channel) return;
            if (!events.Channels.Any(c => c.Name == channel)) events.Channel(channel).AllowRoles(AuthRequirements.AdminRole);
            events.AddEventType<JobsChanged>();
        });
        // Features' housekeeping (IMaintenanceTask) runs as recurring jobs rather than on every node's timer.
        services.AddBaaSJobCommand<RunMaintenanceTask>();
        services.AddSingleton<MaintenanceSchedules>();
        services.AddSingleton<IConfigureOptions<JobsOptions>>(sp => sp.GetRequiredService<MaintenanceSchedules>());
        services.AddSingleton<IMaintenanceScheduler>(sp => sp.GetRequiredService<MaintenanceSchedules>());
        services.AddBaaSFeature(new JobsFeature());
        services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs", tags: ["jobs", HealthExtensions.ReadyTag]);
        return services;
    }

    /// <summary>
    /// Adds one command that a library brings (such as the SMTP sender's queued email), whether or not the app calls
    /// <see cref="AddBaaSJobs"/> before or after: the command runs once the app has jobs, and costs nothing otherwise.
    /// </summary>
    /// <exception cref="ArgumentException"><typeparamref name="TCommand"/> implements no command interface.</exception>
    public static IServiceCollection AddBaaSJobCommand<TCommand>(this IServiceCollection services) where TCommand : class
    {
        if (CommandInfo.Of(typeof(TCommand)) is null)
            throw new ArgumentException($"{typeof(TCommand).FullName} is not a command: implement IAsyncCommand<TArg> or IAsyncCommand<TArg, TResult>.", nameof(TCommand));
        if (!services.Any(d => d.ServiceType == typeof(JobCommandType) && d.ImplementationInstance is JobCommandType { Type: var t } && t == typeof(TCommand)))
            services.AddSingleton(new JobCommandType(typeof(TCommand)));
        services.TryAddTransient<TCommand>();
        return services;
    }

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.OfType<Type>();
        }
    }
}
