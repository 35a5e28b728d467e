using System.Net;
using System.Text.Json;
using BaaS.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.OpenTelemetry.Tests;

public sealed class ConfigurationTests
{
    private static ConfigurationException Refused(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return Assert.Throws<ConfigurationException>(() => new ServiceCollection().AddBaaSOpenTelemetry(configuration));
    }

    [Fact]
    public void Unknown_sampler_is_refused_naming_the_setting() =>
        Assert.Contains("OpenTelemetry:Sampler is 'sometimes'", Refused(("OpenTelemetry:Sampler", "sometimes")).Message);

    [Fact]
    public void Ratio_sampler_needs_a_ratio_between_0_and_1()
    {
        Assert.Contains("OpenTelemetry:SamplerRatio is not set", Refused(("OpenTelemetry:Sampler", "ratio")).Message);
        Assert.Contains("OpenTelemetry:SamplerRatio is '1.5'", Refused(("OpenTelemetry:Sampler", "ratio"), ("OpenTelemetry:SamplerRatio", "1.5")).Message);
    }

    [Fact]
    public void Endpoint_must_be_an_http_address() =>
        Assert.Contains("OpenTelemetry:Otlp:Endpoint is 'collector:4318'", Refused(("OpenTelemetry:Otlp:Endpoint", "collector:4318")).Message);

    [Fact]
    public void Protocol_must_be_http_protobuf_or_grpc() =>
        Assert.Contains("OpenTelemetry:Otlp:Protocol is 'udp'", Refused(("OpenTelemetry:Otlp:Protocol", "udp")).Message);

    [Fact]
    public async Task Metadata_lists_the_sources_meters_and_sampling()
    {
        await using var app = await TelemetryApp.StartAsync(settings: new Dictionary<string, string?>
        {
            ["OpenTelemetry:Sampler"] = "ratio",
            ["OpenTelemetry:SamplerRatio"] = "0.25",
        });
        var response = await app.Server.Http.GetAsync("/metadata/app.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var plugin = json.RootElement.GetProperty("plugins").GetProperty("openTelemetry");
        Assert.True(plugin.GetProperty("enabled").GetBoolean());
        Assert.Equal(BaaSTelemetry.SourceNames, plugin.GetProperty("sources").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(BaaSTelemetry.MeterNames, plugin.GetProperty("meters").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(["aspNetCore", "httpClient"], plugin.GetProperty("instrumentation").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal("ratio", plugin.GetProperty("sampler").GetString());
        Assert.Equal(0.25, plugin.GetProperty("samplerRatio").GetDouble());
        Assert.Equal("none", plugin.GetProperty("exporter").GetString());
    }

    [Fact]
    public void Code_changes_the_options_after_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("OpenTelemetry:Sampler", "always"), new("OpenTelemetry:ServiceName", "shop")])
            .Build();
        var services = new ServiceCollection();
        #region snippet:otel-code-options
        services.AddBaaSOpenTelemetry(configuration, options =>
        {
            options.Sampler = TraceSampling.Ratio;
            options.SamplerRatio = 0.1; // one new trace in ten
        });
        #endregion
        var feature = services.FindBaaSFeature<OpenTelemetryFeature>()!;
        Assert.Equal(TraceSampling.Ratio, feature.Options.Sampler);
        Assert.Equal(0.1, feature.Options.SamplerRatio);
        Assert.Equal("shop", feature.Options.ServiceName);
        Assert.Equal("none", feature.Exporter);
        // A second call changes nothing.
        services.AddBaaSOpenTelemetry(configuration);
        Assert.Single(services, d => d.ServiceType == typeof(BaaSFeature));
    }

    [Fact]
    public void IsConfigured_is_true_for_an_endpoint_or_Enabled_and_false_otherwise()
    {
        static bool IsConfigured(params (string Key, string Value)[] settings) => OpenTelemetryServiceCollectionExtensions.IsConfigured(
            new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build());

        Assert.False(IsConfigured());
        Assert.False(IsConfigured(("OTEL_EXPORTER_OTLP_ENDPOINT", "")));
        Assert.True(IsConfigured(("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")));
        Assert.True(IsConfigured(("OpenTelemetry:Otlp:Endpoint", "http://localhost:4318")));
        Assert.True(IsConfigured(("OpenTelemetry:Enabled", "true")));
        Assert.False(IsConfigured(("OpenTelemetry:Enabled", "false"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://localhost:4318")));
        Assert.Throws<ConfigurationException>(() => IsConfigured(("OpenTelemetry:Enabled", "yes")));
    }

    [Fact]
    public void Every_platform_source_and_meter_name_is_listed()
    {
        // The names the areas publish under are the ones AddBaaSOpenTelemetry listens to.
        Assert.Contains(BaaS.Data.DataTelemetry.SourceName, BaaSTelemetry.SourceNames);
        Assert.Contains(OperationMetrics.MeterName, BaaSTelemetry.MeterNames);
        Assert.Contains(CacheMetrics.MeterName, BaaSTelemetry.MeterNames);
        Assert.Contains(RateLimitMetrics.MeterName, BaaSTelemetry.MeterNames);
        Assert.Contains(BaaS.ServerEvents.ServerEventsMetrics.MeterName, BaaSTelemetry.MeterNames);
    }
}
