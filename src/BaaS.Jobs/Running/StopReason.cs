namespace BaaS.Jobs;

/// <summary>Why a running job's token fired (besides its timeout).</summary>
internal enum StopReason
{
    None,
    /// <summary>Someone cancelled the job: it ends Cancelled.</summary>
    Cancelled,
    /// <summary>The node is shutting down: the job goes back to the queue.</summary>
    Shutdown,
    /// <summary>Another node took the job over: this run's outcome is not recorded.</summary>
    LeaseLost,
}
