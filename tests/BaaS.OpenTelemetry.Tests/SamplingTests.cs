using System.Net;
using System.Net.Http.Json;

namespace BaaS.OpenTelemetry.Tests;

public sealed class SamplingTests
{
    [Fact]
    public async Task Ratio_zero_records_no_operation_spans_but_still_counts_the_calls()
    {
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:Sampler"] = "ratio",
            ["OpenTelemetry:SamplerRatio"] = "0",
        });
        for (var i = 0; i < 5; i++)
        {
            // No caller span: the client's own span is the root, and this app's sampler drops it.
            var response = await app.Server.Http.PostAsJsonAsync("/api/Greet", new Greet { Name = "n" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // The operation span ends before the answer is written: had it been recorded, it would be exported by now.
        Assert.DoesNotContain(app.Spans, s => s.Source.Name == BaaSTelemetry.OperationsSourceName);
        Assert.DoesNotContain(app.Spans, s => s.Source.Name == "Microsoft.AspNetCore");
        Assert.Equal(5, app.CollectMetrics()["baas.operation.requests"].Sum(("baas.operation", "Greet")));
    }

    [Fact]
    public async Task Sampling_follows_a_caller_that_recorded_its_trace()
    {
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?> { ["OpenTelemetry:Sampler"] = "never" });
        var (response, traceId) = await app.PostAsync("Greet", new Greet());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await app.RequestTraceAsync(traceId);
        Assert.Single(spans, s => s.Source.Name == BaaSTelemetry.OperationsSourceName);
    }
}
