using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace BaaS.Jobs;

/// <summary>
/// The jobs module's ASP.NET Core health check (registered as <c>jobs</c>, tag <c>jobs</c>): Unhealthy when the jobs
/// database does not answer or this node's loops died or stalled, Degraded while the node is not (or no longer)
/// running, Healthy otherwise; the data carries the queue's counts.
/// </summary>
internal sealed class JobsHealthCheck(JobStore store, JobNode node) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Dictionary<JobState, long> counts;
        try
        {
            counts = await store.CountByStateAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The jobs database does not answer.", e);
        }
        var data = new Dictionary<string, object>
        {
            ["node"] = node.Name,
            ["queued"] = counts[JobState.Queued],
            ["running"] = counts[JobState.Started],
            ["failed"] = counts[JobState.Failed],
            ["runningHere"] = node.RunningCount,
        };
        if (!store.Options.RunWorker) return HealthCheckResult.Healthy("This node queues jobs; it does not run them.", data);
        if (!node.IsWorking) return HealthCheckResult.Degraded("This node's job worker is not running.", data: data);
        if (node.IsFaulted) return HealthCheckResult.Unhealthy("A loop of this node's job worker died.", data: data);
        var stalled = store.Now - node.LastPollAt;
        if (stalled > store.Options.PollInterval * 3 + TimeSpan.FromSeconds(10))
            return HealthCheckResult.Unhealthy($"This node's job worker has not looked for jobs for {stalled}.", data: data);
        return HealthCheckResult.Healthy($"{counts[JobState.Queued]} queued, {counts[JobState.Started]} running.", data);
    }
}
