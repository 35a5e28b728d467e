using BaaS.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BaaS.RateLimiting;

/// <summary>
/// Rate limits as a feature: one counting filter per pipeline position its rules use (the app's policies just after
/// the observers, the sign-in policy where the auth rate limit always was), and <c>plugins.rateLimits</c> in the
/// metadata: the header convention, the default policy and every other policy with the operations it applies to.
/// </summary>
internal sealed class RateLimitFeature : BaaSFeature
{
    /// <summary>The header convention the answers follow, as the metadata names it.</summary>
    public const string HeadersDraft = "draft-ietf-httpapi-ratelimit-headers-06";

    public override string Id => "rateLimits";

    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services)
    {
        var rules = services.GetRequiredService<RateLimitRules>();
        var counters = services.GetRequiredService<RateLimitCounters>();
        var metrics = services.GetRequiredService<RateLimitMetrics>();
        var time = services.GetRequiredService<TimeProvider>();
        var interval = services.GetRequiredService<IOptions<RateLimitOptions>>().Value.LogInterval;
        var logger = services.GetRequiredService<ILogger<RateLimitFilter>>();
        // Attribute rules all sit at FilterOrder.RateLimit, so that position always has a filter; features' rules add theirs.
        return rules.Shared.Select(r => r.Order).Append(FilterOrder.RateLimit).Distinct().Order()
            .Select(order => new RateLimitFilter(order, rules, counters, metrics, time, interval, logger)).ToList();
    }

    /// <summary>Checks, at startup, that configured policies name operations the app serves.</summary>
    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        var unknown = endpoints.ServiceProvider.GetRequiredService<RateLimitRules>().UnknownOperations(host.Catalog).ToList();
        if (unknown.Count > 0) throw new ConfigurationException(unknown);
    }

    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        var rules = services.GetRequiredService<RateLimitRules>();
        var policies = new Dictionary<string, (RateLimitPolicy Policy, List<string> Operations)>(StringComparer.Ordinal);
        RateLimitPolicyInfo? defaultPolicy = null;
        foreach (var operation in catalog.Operations.Where(o => !o.ExcludeFromMetadata))
        {
            foreach (var rule in rules.Of(operation))
            {
                if (ReferenceEquals(rule, rules.Default))
                {
                    defaultPolicy ??= Info(rule.Policy, null);
                    continue;
                }
                if (!policies.TryGetValue(rule.Policy.Name, out var entry))
                    policies[rule.Policy.Name] = entry = (rule.Policy, []);
                entry.Operations.Add(operation.Name);
            }
        }
        return new RateLimitFeatureInfo(HeadersDraft, defaultPolicy,
            [.. policies.Values.OrderBy(p => p.Policy.Name, StringComparer.Ordinal).Select(p => Info(p.Policy, [.. p.Operations.Distinct().Order(StringComparer.Ordinal)]))]);
    }

    private static RateLimitPolicyInfo Info(RateLimitPolicy policy, IReadOnlyList<string>? operations) => new(
        policy.Name, policy.PermitLimit, (long)Math.Ceiling(policy.Window.TotalSeconds),
        policy.Partition switch { RateLimitPartition.User => "user", RateLimitPartition.Ip => "ip", _ => "caller" },
        policy.FailureMode == RateLimitFailureMode.Closed ? "closed" : "open", operations);
}

/// <summary>What <c>plugins.rateLimits</c> says.</summary>
/// <param name="Headers">The header convention of the answers.</param>
/// <param name="Default">The policy every operation counts against (absent when off).</param>
/// <param name="Policies">The other policies, each with the operations it applies to.</param>
internal sealed record RateLimitFeatureInfo(string Headers, RateLimitPolicyInfo? Default, IReadOnlyList<RateLimitPolicyInfo> Policies);

/// <summary>One policy in the metadata.</summary>
/// <param name="Name">Its name, as 429 answers give it in <c>meta.policy</c>.</param>
/// <param name="PermitLimit">Calls allowed per window and partition.</param>
/// <param name="WindowSeconds">The window.</param>
/// <param name="Partition"><c>caller</c> (API key, else user, else IP address), <c>user</c> (else IP address) or <c>ip</c>.</param>
/// <param name="FailureMode">When the counters cannot be reached: <c>open</c> (calls go through) or <c>closed</c> (503).</param>
/// <param name="Operations">The operations it applies to (absent for the default policy: all of them).</param>
internal sealed record RateLimitPolicyInfo(string Name, int PermitLimit, long WindowSeconds, string Partition, string FailureMode,
    IReadOnlyList<string>? Operations);
