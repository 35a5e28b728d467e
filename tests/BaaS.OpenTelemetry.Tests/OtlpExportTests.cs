using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BaaS.OpenTelemetry.Tests;

public sealed class OtlpExportTests
{
    private static void Flush(TelemetryApp app)
    {
        Assert.True(app.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
        Assert.True(app.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
    }

    [Fact]
    public async Task Spans_and_metrics_go_to_the_configured_endpoint_over_http_protobuf_with_its_headers()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:Otlp:Endpoint"] = receiver.Url,
            ["OpenTelemetry:Otlp:Headers"] = "x-collector-key=s3cret-key",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync("Greet", new Greet { Name = "otlp" })).Response.StatusCode);
        using (var outgoing = new OutgoingRequests())
        {
            Flush(app);
            Assert.Contains(outgoing.Uris, uri => uri.AbsoluteUri == receiver.Url + "/v1/traces"); // the check above can see an export
        }

        var traces = receiver.Requests.Where(r => r.Signal == "traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r =>
        {
            Assert.Equal("application/x-protobuf", r.ContentType);
            Assert.Equal("s3cret-key", r.Headers["x-collector-key"]);
        });
        Assert.Contains(traces, r => r.Holds(BaaSTelemetry.OperationsSourceName) && r.Holds("Greet") && r.Holds("baas.operation"));
        Assert.Contains(receiver.Requests, r => r.Signal == "metrics" && r.Holds("baas.operation.requests"));

        // The metadata says OTLP is on, and never the headers.
        var metadata = await app.Server.Http.GetStringAsync("/metadata/app.json");
        Assert.DoesNotContain("s3cret-key", metadata);
        using var json = JsonDocument.Parse(metadata);
        var plugin = json.RootElement.GetProperty("plugins").GetProperty("openTelemetry");
        Assert.Equal("otlp", plugin.GetProperty("exporter").GetString());
        Assert.Equal("http/protobuf", plugin.GetProperty("otlpProtocol").GetString());
    }

    [Fact]
    public async Task The_standard_otel_variables_configure_the_exporter_too()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync("Greet", new Greet())).Response.StatusCode);
        Flush(app);

        Assert.Contains(receiver.Requests, r => r.Signal == "traces" && r.Holds("Greet"));
    }

    [Fact]
    public async Task A_traces_endpoint_alone_exports_traces_only()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"] = receiver.Url + "/v1/traces",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync("Greet", new Greet())).Response.StatusCode);
        using (var outgoing = new OutgoingRequests())
        {
            Flush(app);
            // Only traces, only to the receiver: no metrics exporter trying its default endpoint.
            Assert.NotEmpty(outgoing.Uris);
            Assert.All(outgoing.Uris, uri => Assert.Equal(receiver.Url + "/v1/traces", uri.AbsoluteUri));
        }
        Assert.Contains(receiver.Requests, r => r.Signal == "traces" && r.Holds("Greet"));
        Assert.DoesNotContain(receiver.Requests, r => r.Signal == "metrics");
    }

    [Fact]
    public async Task Nothing_is_exported_without_an_endpoint()
    {
        await using var app = await TelemetryApp.StartAsync();
        var (response, traceId) = await app.PostAsync("Greet", new Greet());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await app.RequestTraceAsync(traceId); // spans were made (the in-memory exporter has them)
        using (var outgoing = new OutgoingRequests())
        {
            Flush(app);
            // No request anywhere: an exporter left on its default endpoint (localhost:4317) would have tried.
            Assert.Empty(outgoing.Uris);
        }

        using var json = JsonDocument.Parse(await app.Server.Http.GetStringAsync("/metadata/app.json"));
        Assert.Equal("none", json.RootElement.GetProperty("plugins").GetProperty("openTelemetry").GetProperty("exporter").GetString());
    }
}
