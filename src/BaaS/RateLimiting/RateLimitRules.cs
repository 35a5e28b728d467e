using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace BaaS.RateLimiting;

/// <summary>
/// Every rate-limit rule of the app, built once at startup: the default policy, each operation's <c>[RateLimit]</c>s,
/// the policies declared in configuration and the features' own (sign-in), each with its configured values applied by
/// name. What applies to an operation is asked once per operation.
/// </summary>
internal sealed class RateLimitRules
{
    private readonly RateLimitOptions _options;

    public RateLimitRules(IOptions<RateLimitOptions> options, IEnumerable<IRateLimitRuleSource> sources)
    {
        _options = options.Value;
        if (!_options.Enabled) return;
        var rules = new List<RateLimitRule>();
        var defaults = _options.Default;
        if (defaults.Enabled != false)
        {
            var policy = new RateLimitPolicy(RateLimitOptions.DefaultPolicyName, 600, TimeSpan.FromMinutes(1), RateLimitPartition.Caller,
                RateLimitFailureMode.Open).With(defaults);
            Default = new RateLimitRule(policy, _ => true);
            rules.Add(Default);
        }
        foreach (var rule in sources.SelectMany(s => s.CreateRules()))
        {
            var settings = Settings(rule.Policy.Name);
            if (settings?.Enabled != false) rules.Add(rule with { Policy = rule.Policy.With(settings) });
        }
        foreach (var (name, settings) in _options.Policies)
        {
            if (settings.Operations.Count == 0 || settings.Enabled == false) continue;
            var operations = settings.Operations.ToHashSet(StringComparer.OrdinalIgnoreCase);
            rules.Add(new RateLimitRule(new RateLimitPolicy(name, settings.PermitLimit!.Value, settings.Window!.Value,
                settings.Partition ?? RateLimitPartition.Caller, settings.FailureMode ?? RateLimitFailureMode.Open), o => operations.Contains(o.Name)));
        }
        Shared = rules;
    }

    /// <summary>The default policy's rule, or null when it is off.</summary>
    public RateLimitRule? Default { get; }

    /// <summary>The rules that are not an operation's own attributes (default, configured, features').</summary>
    public IReadOnlyList<RateLimitRule> Shared { get; } = [];

    /// <summary>The policies <paramref name="operation"/>'s <c>[RateLimit]</c>s declare, configuration applied; none when rate limits are off.</summary>
    public IReadOnlyList<RateLimitRule> DeclaredBy(Operation operation)
    {
        if (!_options.Enabled) return [];
        var rules = new List<RateLimitRule>();
        foreach (var attribute in operation.RequestType.GetCustomAttributes<RateLimitAttribute>(true))
        {
            var name = string.IsNullOrWhiteSpace(attribute.Name) ? operation.Name : attribute.Name;
            var settings = Settings(name);
            if (settings?.Enabled == false) continue;
            var policy = new RateLimitPolicy(name, attribute.PermitLimit, ParseWindow(attribute, operation), attribute.Partition, attribute.FailureMode)
                .With(settings);
            if (policy.PermitLimit < 1)
                throw new ConfigurationException($"[RateLimit] on {operation.RequestType.Name} allows {policy.PermitLimit} calls: give at least 1 (or turn the policy off with BaaS:RateLimits:Policies:{name}:Enabled = false).");
            var type = operation.RequestType;
            rules.Add(new RateLimitRule(policy, o => o.RequestType == type));
        }
        return rules;
    }

    /// <summary>Every rule that applies to <paramref name="operation"/>, in order.</summary>
    public IReadOnlyList<RateLimitRule> Of(Operation operation) => [.. Shared.Where(r => r.AppliesTo(operation)), .. DeclaredBy(operation)];

    /// <summary>Configured policies that name operations the app does not serve (checked at startup).</summary>
    public IEnumerable<string> UnknownOperations(OperationCatalog catalog)
    {
        var names = catalog.Operations.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return _options.Policies.SelectMany(p => p.Value.Operations.Where(o => !names.Contains(o))
            .Select(o => $"BaaS:RateLimits:Policies:{p.Key}:Operations names '{o}', which this app does not serve: use a request DTO's name."));
    }

    private RateLimitPolicyOptions? Settings(string name) => _options.Policies.GetValueOrDefault(name);

    private static TimeSpan ParseWindow(RateLimitAttribute attribute, Operation operation) =>
        TimeSpan.TryParse(attribute.Window, CultureInfo.InvariantCulture, out var window) && window > TimeSpan.Zero
            ? window
            : throw new ConfigurationException($"[RateLimit] on {operation.RequestType.Name} has the window '{attribute.Window}': give a positive time span such as \"00:01:00\" (a minute).");
}
