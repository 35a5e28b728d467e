using System.Globalization;
using BaaS.Hosting;
using Microsoft.Extensions.Configuration;

namespace BaaS.OpenTelemetry;

/// <summary>Reads <see cref="BaaSOpenTelemetryOptions"/> from configuration, refusing bad values with the key to fix.</summary>
internal static class OpenTelemetrySettings
{
    public const string Section = "OpenTelemetry";

    public static BaaSOpenTelemetryOptions Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new BaaSOpenTelemetryOptions
        {
            ServiceName = NonEmpty(section["ServiceName"]) ?? NonEmpty(configuration["OTEL_SERVICE_NAME"]),
            OtlpHeaders = NonEmpty(section["Otlp:Headers"]),
        };
        var errors = new List<string>();
        switch (NonEmpty(section["Sampler"])?.ToLowerInvariant())
        {
            case null or "always": break;
            case "never": options.Sampler = TraceSampling.Never; break;
            case "ratio": options.Sampler = TraceSampling.Ratio; break;
            case var other: errors.Add($"OpenTelemetry:Sampler is '{other}': use always, never or ratio (with OpenTelemetry:SamplerRatio, 0 to 1)."); break;
        }
        if (NonEmpty(section["SamplerRatio"]) is { } ratioText)
        {
            if (double.TryParse(ratioText, NumberStyles.Float, CultureInfo.InvariantCulture, out var ratio) && ratio is >= 0 and <= 1)
                options.SamplerRatio = ratio;
            else errors.Add($"OpenTelemetry:SamplerRatio is '{ratioText}': give a number from 0 to 1, e.g. 0.1 for one trace in ten.");
        }
        else if (options.Sampler == TraceSampling.Ratio)
            errors.Add("OpenTelemetry:Sampler is ratio but OpenTelemetry:SamplerRatio is not set: give a number from 0 to 1, e.g. 0.1.");
        if (NonEmpty(section["Otlp:Endpoint"]) is { } endpoint)
        {
            if (Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https") options.OtlpEndpoint = uri;
            else errors.Add($"OpenTelemetry:Otlp:Endpoint is '{endpoint}': give the collector's http:// or https:// address, e.g. http://localhost:4318.");
        }
        switch (NonEmpty(section["Otlp:Protocol"])?.ToLowerInvariant())
        {
            case null or "http/protobuf": break;
            case "grpc": options.OtlpProtocol = OtlpTransport.Grpc; break;
            case var other: errors.Add($"OpenTelemetry:Otlp:Protocol is '{other}': use http/protobuf or grpc."); break;
        }
        options.Traces = Flag(section, "Traces", errors);
        options.Metrics = Flag(section, "Metrics", errors);
        options.LogTraceIds = Flag(section, "LogTraceIds", errors);
        if (errors.Count > 0) throw new ConfigurationException(errors);
        return options;
    }

    /// <summary>Whether a standard variable (which the exporter reads itself) names an OTLP endpoint for any signal.</summary>
    public static bool HasStandardOtlpEndpoint(IConfiguration configuration) =>
        HasStandardOtlpEndpoint(configuration, "TRACES") || HasStandardOtlpEndpoint(configuration, "METRICS");

    /// <summary>Whether a standard variable names an OTLP endpoint for <paramref name="signal"/> (<c>TRACES</c>, <c>METRICS</c>).</summary>
    public static bool HasStandardOtlpEndpoint(IConfiguration configuration, string signal) =>
        NonEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is not null
        || NonEmpty(configuration[$"OTEL_EXPORTER_OTLP_{signal}_ENDPOINT"]) is not null;

    private static bool Flag(IConfigurationSection section, string key, List<string> errors)
    {
        var text = NonEmpty(section[key]);
        if (text is null) return true;
        if (bool.TryParse(text, out var value)) return value;
        errors.Add($"OpenTelemetry:{key} is '{text}': use true or false.");
        return true;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
