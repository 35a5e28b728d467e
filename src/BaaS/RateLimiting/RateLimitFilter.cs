using System.Collections.Concurrent;
using BaaS.Caching;
using Microsoft.Extensions.Logging;

namespace BaaS.RateLimiting;

/// <summary>
/// Counts each HTTP call (a batch once) against the rate-limit policies of its operation, before the request is bound,
/// so a refusal costs no body parsing. Over a budget: 429 with <c>Retry-After</c> and the <c>RateLimit-*</c> headers;
/// within: the headers only. Counters that cannot be reached let the call through (fail-open policy) or answer 503
/// (fail-closed), never 500. In-process gateway calls are not counted: their HTTP caller already was.
/// </summary>
internal sealed class RateLimitFilter : IOperationFilter
{
    private readonly RateLimitRules _rules;
    private readonly RateLimitCounters _counters;
    private readonly RateLimitMetrics _metrics;
    private readonly ILogger _logger;
    private readonly LogGate _unavailableLog;
    private readonly LogGate _refusedLog;
    private readonly ConcurrentDictionary<Type, RateLimitRule[]> _byOperation = new();

    public RateLimitFilter(int order, RateLimitRules rules, RateLimitCounters counters, RateLimitMetrics metrics, TimeProvider time,
        TimeSpan logInterval, ILogger logger)
    {
        Order = order;
        _rules = rules;
        _counters = counters;
        _metrics = metrics;
        _logger = logger;
        _unavailableLog = new LogGate(time, logInterval);
        _refusedLog = new LogGate(time, logInterval);
    }

    public int Order { get; }

    public bool RunsBeforeBinding => true;

    public bool AppliesTo(Operation operation)
    {
        var rules = _rules.Of(operation).Where(r => r.Order == Order).ToArray();
        _byOperation[operation.RequestType] = rules;
        return rules.Length > 0;
    }

    public ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next) =>
        context.Kind == OperationKind.Gateway ? next(context) : CountAsync(context, next);

    private async ValueTask CountAsync(OperationContext context, OperationFilterDelegate next)
    {
        var http = context.HttpContext;
        foreach (var rule in _byOperation[context.Operation.RequestType])
        {
            var policy = rule.Policy;
            if (rule.Counts is { } counts && !counts(http, context.Operation)) continue;
            if (RateLimitPartitions.Of(http, policy.Partition) is not { } partition) continue;
            RateLimitCount count;
            try
            {
                count = await _counters.CountAsync(policy, partition, context.RequestAborted).ConfigureAwait(false);
            }
            catch (CacheUnavailableException e)
            {
                _metrics.Unavailable(policy.Name, policy.FailureMode);
                if (_unavailableLog.Pass(out var occurrences)) RateLimitLog.CountersUnavailable(_logger, policy.Name, occurrences, e.Message);
                if (policy.FailureMode == RateLimitFailureMode.Open) continue;
                RateLimitHeaders.Of(http).RetryAfter(RateLimitUnavailableException.DefaultRetryAfter);
                throw new RateLimitUnavailableException(policy.Name, e);
            }
            var headers = RateLimitHeaders.Of(http);
            if (count.Allowed)
            {
                headers.Observe(count);
                continue;
            }
            headers.Refuse(count);
            _metrics.Refuse(policy.Name);
            if (_refusedLog.Pass(out var refused)) RateLimitLog.Refused(_logger, refused, context.Operation.Name, policy.Name, partition);
            throw new RateLimitExceededException(policy.Name, policy.PermitLimit, policy.Window, count.ResetSeconds);
        }
        await next(context).ConfigureAwait(false);
    }
}
