using System.Collections.Concurrent;
using BaaS.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Docs.Examples;

// The example feature of docs/extending.md: counts every call of every operation by how it came in and how it ended.

#region snippet:extending-feature
/// <summary>Counts every operation call: an endpoint, an operation, a filter and a plugins entry.</summary>
public sealed class OperationStatsFeature : BaaSFeature
{
    public override string Id => "operationStats";

    // An operation: GetOperationStats, served by OperationStatsServices below.
    public override IEnumerable<Type> ServiceTypes => [typeof(OperationStatsServices)];

    // A filter in every operation's pipeline.
    public override IEnumerable<IOperationFilter> CreateFilters(IServiceProvider services) =>
        [services.GetRequiredService<OperationStatsFilter>()];

    // An endpoint of its own: GET /stats.txt, one line per operation.
    public override void MapEndpoints(IEndpointRouteBuilder endpoints, BaaSHost host)
    {
        var stats = endpoints.ServiceProvider.GetRequiredService<OperationStats>();
        endpoints.MapGet("/stats.txt", () => string.Join('\n', stats.Snapshot().Select(s => $"{s.Key} {s.Value.Calls}")));
    }

    // What clients read at /metadata/app.json under plugins.operationStats.
    public override object? Describe(IServiceProvider services, OperationCatalog catalog) =>
        new { Endpoint = "/stats.txt", Operations = catalog.Operations.Count };
}

public static class OperationStatsExtensions
{
    public static IServiceCollection AddOperationStats(this IServiceCollection services)
    {
        services.AddSingleton<OperationStats>();
        services.AddSingleton<OperationStatsFilter>();
        return services.AddBaaSFeature(new OperationStatsFeature());
    }
}
#endregion

#region snippet:extending-filter
/// <summary>Sees every call after it ran: HTTP, batches and gateway calls, refusals and errors included.</summary>
public sealed class OperationStatsFilter(OperationStats stats) : IOperationFilter
{
    // Outermost, and before binding: it also sees a malformed body's 400 and a refusal by authorization.
    public int Order => FilterOrder.Observe;
    public bool RunsBeforeBinding => true;
    public bool AppliesTo(Operation operation) => true;

    public async ValueTask InvokeAsync(OperationContext context, OperationFilterDelegate next)
    {
        await next(context); // never throws: a failure is on context.Exception, its status on context.StatusCode
        stats.Record(context.Operation.Name, context.Kind, context.StatusCode, context.Elapsed, context.Exception);
    }
}
#endregion

/// <summary>One recorded call.</summary>
public sealed record OperationCall(string Operation, OperationKind Kind, int StatusCode, TimeSpan Elapsed, string? ErrorType);

/// <summary>What the filter recorded.</summary>
public sealed class OperationStats
{
    private readonly ConcurrentQueue<OperationCall> _calls = new();

    public void Record(string operation, OperationKind kind, int status, TimeSpan elapsed, Exception? exception) =>
        _calls.Enqueue(new OperationCall(operation, kind, status, elapsed, exception?.GetType().Name));

    public IReadOnlyList<OperationCall> Calls => [.. _calls];

    public IReadOnlyDictionary<string, (int Calls, int Failures)> Snapshot() =>
        _calls.GroupBy(c => c.Operation).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(c => c.StatusCode >= 400)));
}

/// <summary>Answers the counts of one operation.</summary>
public class GetOperationStats : IReturn<OperationStatsResponse>, IGet
{
    public string Name { get; set; } = "";
}

public class OperationStatsResponse
{
    public int Calls { get; set; }
    public int Failures { get; set; }
}

public class OperationStatsServices(OperationStats stats) : Service
{
    public OperationStatsResponse Get(GetOperationStats request) =>
        stats.Snapshot().TryGetValue(request.Name, out var s) ? new() { Calls = s.Calls, Failures = s.Failures } : new();
}
