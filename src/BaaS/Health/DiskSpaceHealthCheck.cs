using BaaS.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BaaS.Health;

/// <summary>
/// Free space where the node writes: the volume of the SQLite database file (when the app's database is SQLite) and
/// of the app's <c>App_Data</c> folder (embedded databases, local files). Unhealthy below
/// <see cref="HealthOptions.MinimumFreeDiskMegabytes"/>, degraded below four times it. Nothing to check on a server
/// database without App_Data: healthy.
/// </summary>
internal sealed class DiskSpaceHealthCheck(IDbConnectionFactory factory, IHostEnvironment environment, IOptions<HealthOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folders = new List<string>();
        var appData = Path.Combine(environment.ContentRootPath, "App_Data");
        if (Directory.Exists(appData)) folders.Add(appData);
        if (await SqliteFolderAsync(cancellationToken).ConfigureAwait(false) is { } sqlite) folders.Add(sqlite);
        if (folders.Count == 0) return HealthCheckResult.Healthy("No local data to check.");

        var minimum = options.Value.MinimumFreeDiskMegabytes * 1024 * 1024;
        var data = new Dictionary<string, object>();
        var worst = HealthStatus.Healthy;
        foreach (var volume in folders.Select(f => new DriveInfo(Path.GetFullPath(f))).DistinctBy(d => d.RootDirectory.FullName))
        {
            var free = volume.AvailableFreeSpace;
            data[volume.RootDirectory.FullName] = free / (1024 * 1024) + " MB free";
            var status = free < minimum ? HealthStatus.Unhealthy : free < 4 * minimum ? HealthStatus.Degraded : HealthStatus.Healthy;
            if (status < worst) worst = status;
        }
        var description = worst switch
        {
            HealthStatus.Healthy => "Enough free disk space.",
            HealthStatus.Degraded => $"Free disk space is below {4 * options.Value.MinimumFreeDiskMegabytes} MB.",
            _ => $"Free disk space is below {options.Value.MinimumFreeDiskMegabytes} MB.",
        };
        return new HealthCheckResult(worst, description, data: data);
    }

    // The folder of the SQLite database file, or null for another database or an in-memory one.
    private async Task<string?> SqliteFolderAsync(CancellationToken cancellationToken)
    {
        if (!string.Equals(factory.Dialect.Name, "sqlite", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            await using var db = await factory.OpenAsync(cancellationToken).ConfigureAwait(false);
            var file = db.Inner.DataSource;
            return string.IsNullOrEmpty(file) || file == ":memory:" ? null : Path.GetDirectoryName(Path.GetFullPath(file));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null; // the database check reports an unreachable database
        }
    }
}
