namespace BaaS.Jobs;

/// <summary>The error codes the jobs module itself records on jobs.</summary>
public static class JobErrors
{
    /// <summary>An attempt ran longer than the job's timeout.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The job was cancelled.</summary>
    public const string Cancelled = "Cancelled";

    /// <summary>A job it depends on failed.</summary>
    public const string DependencyFailed = "DependencyFailed";

    /// <summary>A job it depends on was cancelled.</summary>
    public const string DependencyCancelled = "DependencyCancelled";

    /// <summary>The node running it stopped renewing its lease and no retries were left.</summary>
    public const string LeaseExpired = "LeaseExpired";

    /// <summary>The job's command is not registered on the node that claimed it.</summary>
    public const string UnknownCommand = "UnknownCommand";
}
