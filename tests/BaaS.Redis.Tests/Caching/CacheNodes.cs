using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Redis.Tests.Caching;

/// <summary>App instances serving <see cref="CacheProbeServices"/> with the cache chosen by their settings, and <c>/health/ready</c>.</summary>
public static class CacheNodes
{
    public static Task<TestServer> StartAsync(string? redis, string serviceName, Dictionary<string, string?>? settings = null, string environment = "Development") =>
        TestServer.StartAsync([typeof(CacheProbeServices)], o =>
        {
            o.EnvironmentName = environment;
            if (redis is not null) o.Configuration["ConnectionStrings:Redis"] = redis;
            foreach (var (key, value) in settings ?? []) o.Configuration[key] = value;
            o.BaaS = b => b.ServiceName = serviceName;
            o.ConfigureBuilder = builder =>
            {
                builder.Services.AddHealthChecks();
                builder.Services.AddBaaSRedis(builder.Configuration);
            };
            o.ConfigureApp = app => app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        });
}
