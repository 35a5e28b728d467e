using System.Reflection;
using BaaS.Hosting;
using BaaS.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Exporter;
using OpenTelemetry.Instrumentation.StackExchangeRedis;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace BaaS.OpenTelemetry;

/// <summary>Turns on OpenTelemetry for a BaaS app.</summary>
public static class OpenTelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Collects the platform's spans and metrics (<see cref="BaaSTelemetry.SourceNames"/>, <see cref="BaaSTelemetry.MeterNames"/>)
    /// with ASP.NET Core's, HttpClient's and, when <c>AddBaaSRedis</c> connected one, Redis's; samples traces as
    /// <c>OpenTelemetry:Sampler</c> says (parent-based); exports by OTLP only when an endpoint is configured
    /// (<c>OpenTelemetry:Otlp:Endpoint</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>), else nothing leaves the process; puts
    /// trace and span ids in console log lines; and shows itself as <c>plugins.openTelemetry</c>. Calling it again does nothing.
    /// </summary>
    /// <exception cref="ConfigurationException">A setting of the <c>OpenTelemetry</c> section is invalid; the message names it.</exception>
    public static IServiceCollection AddBaaSOpenTelemetry(this IServiceCollection services, IConfiguration configuration,
        Action<BaaSOpenTelemetryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.FindBaaSFeature<OpenTelemetryFeature>() is not null) return services;
        var options = OpenTelemetrySettings.Read(configuration);
        configure?.Invoke(options);
        if (options.SamplerRatio is < 0 or > 1 or double.NaN)
            throw new ConfigurationException($"SamplerRatio is {options.SamplerRatio}: give a number from 0 to 1.");
        // Each signal is exported when an endpoint names it: ours names both, a standard variable one or both.
        var exportTraces = options.OtlpEndpoint is not null || OpenTelemetrySettings.HasStandardOtlpEndpoint(configuration, "TRACES");
        var exportMetrics = options.OtlpEndpoint is not null || OpenTelemetrySettings.HasStandardOtlpEndpoint(configuration, "METRICS");
        services.AddBaaSFeature(new OpenTelemetryFeature(options, exportTraces || exportMetrics ? "otlp" : "none"));

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName ?? Assembly.GetEntryAssembly()?.GetName().Name ?? "baas"));
        if (options.Traces)
        {
            otel.WithTracing(tracing =>
            {
                tracing.AddSource([.. BaaSTelemetry.SourceNames])
                    .SetSampler(SamplerOf(options))
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRedisInstrumentation()
                    .ConfigureRedisInstrumentation((sp, redis) => AttachRedis(sp, redis));
                if (exportTraces) tracing.AddOtlpExporter(o => ConfigureOtlp(o, options, configuration, "TRACES", "v1/traces"));
            });
        }
        if (options.Metrics)
        {
            otel.WithMetrics(metrics =>
            {
                metrics.AddMeter([.. BaaSTelemetry.MeterNames])
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (exportMetrics) metrics.AddOtlpExporter(o => ConfigureOtlp(o, options, configuration, "METRICS", "v1/metrics"));
            });
        }
        if (options.LogTraceIds)
        {
            // The logging scope carries the current trace and span ids; the console formatters print scopes.
            services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
            services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
            services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
            // Without a formatter name the console logger takes its formatter's options from its own (older) settings,
            // which know nothing of the above: name the default one.
            services.Configure<ConsoleLoggerOptions>(o => o.FormatterName ??= ConsoleFormatterNames.Simple);
        }
        return services;
    }

    /// <summary>
    /// Whether the configuration asks for OpenTelemetry: <c>OpenTelemetry:Enabled</c> is true, or an OTLP endpoint is set
    /// (<c>OpenTelemetry:Otlp:Endpoint</c>, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or a signal's own). An app that keeps it off
    /// unless configured calls <see cref="AddBaaSOpenTelemetry"/> only then.
    /// </summary>
    public static bool IsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var enabled = configuration[OpenTelemetrySettings.Section + ":Enabled"];
        if (!string.IsNullOrWhiteSpace(enabled))
        {
            if (!bool.TryParse(enabled, out var on))
                throw new ConfigurationException($"OpenTelemetry:Enabled is '{enabled}': use true or false.");
            return on;
        }
        return !string.IsNullOrWhiteSpace(configuration[OpenTelemetrySettings.Section + ":Otlp:Endpoint"])
            || OpenTelemetrySettings.HasStandardOtlpEndpoint(configuration);
    }

    /// <summary>The sampler: always, never or a ratio of new traces, each following a parent's decision when there is one.</summary>
    internal static Sampler SamplerOf(BaaSOpenTelemetryOptions options) => new ParentBasedSampler(options.Sampler switch
    {
        TraceSampling.Never => new AlwaysOffSampler(),
        TraceSampling.Ratio => new TraceIdRatioBasedSampler(options.SamplerRatio),
        _ => new AlwaysOnSampler(),
    });

    // Our endpoint setting names the collector; over HTTP each signal has its own path under it, as the standard
    // OTEL_EXPORTER_OTLP_ENDPOINT does (the exporter uses an endpoint set in code as it is). The exporter reads the
    // standard variables itself, except a signal's own endpoint (OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), which it
    // leaves at its default: that one is used as it is, as the specification says.
    private static void ConfigureOtlp(OtlpExporterOptions otlp, BaaSOpenTelemetryOptions options, IConfiguration configuration,
        string signal, string signalPath)
    {
        if (options.OtlpEndpoint is { } endpoint)
        {
            otlp.Protocol = options.OtlpProtocol == OtlpTransport.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
            otlp.Endpoint = options.OtlpProtocol == OtlpTransport.Grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
        }
        else if (configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"] is { Length: > 0 } signalEndpoint)
        {
            otlp.Endpoint = Uri.TryCreate(signalEndpoint.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new ConfigurationException($"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT is '{signalEndpoint}': give the collector's http:// or https:// address.");
        }
        if (options.OtlpHeaders is { } headers) otlp.Headers = headers;
    }

    // The platform's Redis connection is made in the background (the app starts while Redis is down): it is
    // instrumented once its multiplexer exists.
    private static void AttachRedis(IServiceProvider services, StackExchangeRedisInstrumentation redis)
    {
        if (services.GetService<RedisConnection>() is not { } connection) return;
        _ = connection.GetMultiplexerAsync().ContinueWith(
            task => redis.AddConnection(task.Result),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
    }
}
