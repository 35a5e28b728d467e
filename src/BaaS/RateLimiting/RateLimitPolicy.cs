namespace BaaS.RateLimiting;

/// <summary>One rate-limit policy as it runs: a budget of calls per fixed window and partition, and its failure mode.</summary>
/// <param name="Name">Its name: in 429 answers, the metadata, the counters' keys.</param>
/// <param name="PermitLimit">Calls allowed per window and partition.</param>
/// <param name="Window">The fixed window, starting at the partition's first call.</param>
/// <param name="Partition">Whose budget a call counts against.</param>
/// <param name="FailureMode">What happens when the counters cannot be reached.</param>
internal sealed record RateLimitPolicy(string Name, int PermitLimit, TimeSpan Window, RateLimitPartition Partition, RateLimitFailureMode FailureMode)
{
    /// <summary>This policy with what <paramref name="settings"/> sets (null: unchanged).</summary>
    public RateLimitPolicy With(RateLimitPolicyOptions? settings) => settings is null ? this : this with
    {
        PermitLimit = settings.PermitLimit ?? PermitLimit,
        Window = settings.Window ?? Window,
        Partition = settings.Partition ?? Partition,
        FailureMode = settings.FailureMode ?? FailureMode,
    };
}

/// <summary>
/// A policy bound to the operations it applies to, at a place in the pipeline. The default policy, each
/// <c>[RateLimit]</c>, each configured policy and the sign-in policy are rules.
/// </summary>
/// <param name="Policy">The policy.</param>
/// <param name="AppliesTo">Whether it applies to an operation; asked once per operation at startup.</param>
/// <param name="Order">The pipeline position of the filter that counts it (<see cref="FilterOrder"/>).</param>
/// <param name="Counts">Whether a call counts at all (null: every call), e.g. the sign-in policy skips reading the session.</param>
internal sealed record RateLimitRule(RateLimitPolicy Policy, Func<Operation, bool> AppliesTo, int Order = FilterOrder.RateLimit,
    Func<Microsoft.AspNetCore.Http.HttpContext, Operation, bool>? Counts = null);

/// <summary>A feature's own rate-limit rules (auth's sign-in policy); registered in DI, asked once at startup.</summary>
internal interface IRateLimitRuleSource
{
    /// <summary>The rules, with the feature's own settings applied (configuration by name is applied after).</summary>
    IEnumerable<RateLimitRule> CreateRules();
}
