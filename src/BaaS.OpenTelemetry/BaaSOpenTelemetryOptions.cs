namespace BaaS.OpenTelemetry;

/// <summary>
/// How <see cref="OpenTelemetryServiceCollectionExtensions.AddBaaSOpenTelemetry"/> traces, samples and exports, read from
/// the <c>OpenTelemetry</c> configuration section (and the standard <c>OTEL_*</c> variables), then changed by code.
/// </summary>
public sealed class BaaSOpenTelemetryOptions
{
    /// <summary>
    /// The <c>service.name</c> of every span and metric (<c>OpenTelemetry:ServiceName</c>, else <c>OTEL_SERVICE_NAME</c>,
    /// else the app's assembly name).
    /// </summary>
    public string? ServiceName { get; set; }

    /// <summary>Which traces are recorded (<c>OpenTelemetry:Sampler</c>: <c>always</c>, <c>never</c> or <c>ratio</c>; default always).</summary>
    public TraceSampling Sampler { get; set; } = TraceSampling.Always;

    /// <summary>The share of new traces recorded with <see cref="TraceSampling.Ratio"/>, 0 to 1 (<c>OpenTelemetry:SamplerRatio</c>).</summary>
    public double SamplerRatio { get; set; } = 1;

    /// <summary>
    /// Where the OTLP exporter sends (<c>OpenTelemetry:Otlp:Endpoint</c>); null leaves it to the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>. With neither, nothing is exported.
    /// </summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The OTLP transport (<c>OpenTelemetry:Otlp:Protocol</c>: <c>http/protobuf</c>, the default, or <c>grpc</c>).</summary>
    public OtlpTransport OtlpProtocol { get; set; } = OtlpTransport.HttpProtobuf;

    /// <summary>
    /// Headers sent with every export (<c>OpenTelemetry:Otlp:Headers</c>, <c>key=value,key2=value2</c>), e.g. a collector's
    /// API key. A secret: never shown in the metadata.
    /// </summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>Whether spans are collected (<c>OpenTelemetry:Traces</c>, default true).</summary>
    public bool Traces { get; set; } = true;

    /// <summary>Whether metrics are collected (<c>OpenTelemetry:Metrics</c>, default true).</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>
    /// Whether the console logger writes each line's scopes, which carry the current <c>TraceId</c> and <c>SpanId</c>
    /// (<c>OpenTelemetry:LogTraceIds</c>, default true).
    /// </summary>
    public bool LogTraceIds { get; set; } = true;
}

/// <summary>Which traces are recorded. Every choice follows the parent's decision when there is one (parent-based).</summary>
public enum TraceSampling
{
    /// <summary>Every new trace.</summary>
    Always,

    /// <summary>No new trace (spans still exist for propagation and log correlation, but nothing is recorded or exported).</summary>
    Never,

    /// <summary>A share of new traces, chosen by trace id (<see cref="BaaSOpenTelemetryOptions.SamplerRatio"/>).</summary>
    Ratio,
}

/// <summary>The OTLP transport.</summary>
public enum OtlpTransport
{
    /// <summary>Protobuf over HTTP (<c>POST {endpoint}/v1/traces</c>, <c>/v1/metrics</c>); collectors listen on 4318.</summary>
    HttpProtobuf,

    /// <summary>gRPC; collectors listen on 4317.</summary>
    Grpc,
}
