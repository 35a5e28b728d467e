using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BaaS.Jobs;

/// <summary>
/// Jobs as a feature: serves the jobs admin operations and tells clients (metadata <c>plugins.jobs</c>) which commands
/// can be queued and which schedules exist. Added by <c>AddBaaSJobs</c>.
/// </summary>
internal sealed class JobsFeature : BaaSFeature
{
    public override string Id => "jobs";

    public override IEnumerable<Type> ServiceTypes => [typeof(JobAdminServices)];

    /// <summary>The jobs dashboard, for administrators.</summary>
    public override IEnumerable<AdminUiPage> AdminUiPages => [new("jobs", "Jobs") { Icon = "clock", Order = 20 }];

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var options = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var commands = services.GetRequiredService<CommandRegistry>().All.Select(c => c.Name).Order(StringComparer.Ordinal).ToList();
        var channel = services.GetService<IServerEvents>() is null ? null : options.EventsChannel;
        return new JobsFeatureInfo(commands, [.. options.Recurring.Select(r => r.Name).Order(StringComparer.Ordinal)], options.RunWorker, channel);
    }
}

/// <summary>What <c>plugins.jobs</c> says.</summary>
/// <param name="Commands">The commands jobs can run, by name.</param>
/// <param name="Schedules">The recurring jobs registered in code, by name.</param>
/// <param name="RunsWorker">Whether this node runs jobs (a node may only enqueue).</param>
/// <param name="EventsChannel">The server-events channel of <see cref="JobsChanged"/> notices (admins only), or null when there are none.</param>
internal sealed record JobsFeatureInfo(IReadOnlyList<string> Commands, IReadOnlyList<string> Schedules, bool RunsWorker, string? EventsChannel);
