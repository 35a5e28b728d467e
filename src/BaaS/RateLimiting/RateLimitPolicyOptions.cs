namespace BaaS;

/// <summary>One policy's settings; a value left unset keeps the attribute's (or the built-in default's).</summary>
public sealed class RateLimitPolicyOptions
{
    /// <summary>False to turn the policy off. Default: on.</summary>
    public bool? Enabled { get; set; }

    /// <summary>Calls allowed per window and partition (at least 1). The default policy's: 600.</summary>
    public int? PermitLimit { get; set; }

    /// <summary>The fixed window, e.g. <c>00:01:00</c>. The default policy's: 1 minute.</summary>
    public TimeSpan? Window { get; set; }

    /// <summary>Whose budget a call counts against. The default policy's: <see cref="RateLimitPartition.Caller"/>.</summary>
    public RateLimitPartition? Partition { get; set; }

    /// <summary>What happens when the counters cannot be reached. The default policy's: <see cref="RateLimitFailureMode.Open"/>.</summary>
    public RateLimitFailureMode? FailureMode { get; set; }

    /// <summary>
    /// For a policy declared only in configuration: the operations (request DTO names) it applies to, which must exist.
    /// Ignored for the default policy, which applies to every operation.
    /// </summary>
    public List<string> Operations { get; set; } = [];
}
