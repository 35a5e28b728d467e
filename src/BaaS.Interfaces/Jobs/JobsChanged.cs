namespace BaaS;

/// <summary>
/// The server event the jobs feature publishes to its admin channel (<c>baas-jobs</c> by default) when jobs changed:
/// queued, started, progressed, finished, cancelled, requeued, archived, or a schedule changed. At most one per node per
/// interval (a second by default), listing what changed meanwhile; clients reload what they show.
/// </summary>
public class JobsChanged
{
    /// <summary>The ids of jobs that changed, at most 100; see <see cref="More"/>.</summary>
    public List<long> Ids { get; set; } = [];

    /// <summary>True when more changed than <see cref="Ids"/> lists (or changes without ids: archiving, schedules).</summary>
    public bool More { get; set; }

    /// <summary>The node that made the changes.</summary>
    public string? Node { get; set; }
}
