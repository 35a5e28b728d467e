using BaaS.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.OpenTelemetry;

/// <summary>
/// OpenTelemetry in the metadata: <c>plugins.openTelemetry</c> says what is collected and whether it is exported, never
/// where to or with which headers (an endpoint or a header may carry a secret).
/// </summary>
public sealed class OpenTelemetryFeature : BaaSFeature
{
    internal OpenTelemetryFeature(BaaSOpenTelemetryOptions options, string exporter)
    {
        Options = options;
        Exporter = exporter;
    }

    /// <inheritdoc />
    public override string Id => "openTelemetry";

    /// <summary>The settings it runs with.</summary>
    public BaaSOpenTelemetryOptions Options { get; }

    /// <summary>Where spans and metrics go: <c>otlp</c>, or <c>none</c> when no endpoint is configured.</summary>
    public string Exporter { get; }

    /// <inheritdoc />
    public override object? Describe(IServiceProvider services, OperationCatalog catalog)
    {
        List<string> instrumentation = ["aspNetCore", "httpClient"];
        if (services.GetService<RedisConnection>() is not null) instrumentation.Add("redis");
        return new
        {
            Enabled = true,
            Traces = Options.Traces,
            Metrics = Options.Metrics,
            Sources = BaaSTelemetry.SourceNames,
            Meters = BaaSTelemetry.MeterNames,
            Instrumentation = instrumentation,
            Sampler = Options.Sampler.ToString().ToLowerInvariant(),
            SamplerRatio = Options.Sampler == TraceSampling.Ratio ? Options.SamplerRatio : (double?)null,
            Exporter,
            OtlpProtocol = Exporter == "otlp" && Options.OtlpEndpoint is not null
                ? (Options.OtlpProtocol == OtlpTransport.Grpc ? "grpc" : "http/protobuf")
                : null,
            Options.LogTraceIds,
        };
    }
}
