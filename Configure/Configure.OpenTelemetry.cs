using BaaS;
using BaaS.OpenTelemetry;

namespace MyApp;

/// <summary>
/// Traces and metrics (docs/opentelemetry.md), off unless configured: set <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (or
/// <c>OpenTelemetry:Otlp:Endpoint</c>) to a collector and every operation, SQL command, job, Redis and outgoing HTTP call
/// is traced there, with the platform's meters; <c>OpenTelemetry:Enabled=true</c> turns it on without exporting (trace
/// ids in log lines, for <c>dotnet-counters</c> and a debugger's listener).
/// </summary>
public class ConfigureOpenTelemetry : IStartupModule
{
    public void ConfigureServices(WebApplicationBuilder builder)
    {
        #region snippet:myapp-opentelemetry
        if (OpenTelemetryServiceCollectionExtensions.IsConfigured(builder.Configuration))
            builder.Services.AddBaaSOpenTelemetry(builder.Configuration);
        #endregion
    }
}
