using System.Net;
using System.Text.Json;
using BaaS.Redis;

namespace BaaS.OpenTelemetry.Tests;

public sealed class RedisSpanTests
{
    [Fact]
    public async Task Redis_commands_of_an_operation_are_its_child_spans()
    {
        await using var app = await TelemetryApp.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Redis"] = RedisTestService.Instance.ConnectionString,
                ["BaaS:Cache:KeyPrefix"] = $"otel-{Guid.NewGuid():N}:",
            },
            configure: o => o.ConfigureBuilder += builder => builder.Services.AddBaaSRedis(builder.Configuration));
        var (response, traceId) = await app.PostAsync("CacheTwice", new CacheTwice { Key = "k" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"False True\"", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetRawText());

        // The instrumentation reads StackExchange.Redis's profiling sessions in the background.
        var spans = await app.TraceAsync(traceId, s => s.Count(x => x.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal)) >= 3);
        var operation = Assert.Single(spans, s => s.Source.Name == BaaSTelemetry.OperationsSourceName);
        Assert.All(spans.Where(s => s.Source.Name.Contains("StackExchangeRedis", StringComparison.Ordinal)), s => Assert.Equal(operation.SpanId, s.ParentSpanId));

        using var json = JsonDocument.Parse(await app.Server.Http.GetStringAsync("/metadata/app.json"));
        Assert.Contains("redis", json.RootElement.GetProperty("plugins").GetProperty("openTelemetry").GetProperty("instrumentation").EnumerateArray().Select(e => e.GetString()));
    }
}
