using System.Diagnostics;
using System.Net.Http.Json;
using BaaS.Data;
using BaaS.Jobs;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace BaaS.OpenTelemetry.Tests;

/// <summary>
/// A test app with <c>AddBaaSOpenTelemetry</c> on, whose spans and metrics are kept by the in-memory exporters, and a
/// client that sends each call in a trace of its own (a sampled W3C <c>traceparent</c>), so a test reads its call's spans.
/// </summary>
public sealed class TelemetryApp : IAsyncDisposable
{
    private readonly LockedList<Activity> _spans;
    private readonly LockedList<MetricSnapshot> _metrics;

    private readonly TestDatabase _database;

    private TelemetryApp(TestServer server, TestDatabase database, LockedList<Activity> spans, LockedList<MetricSnapshot> metrics)
    {
        Server = server;
        _database = database;
        _spans = spans;
        _metrics = metrics;
    }

    public TestServer Server { get; }

    public IServiceProvider Services => Server.Services;

    /// <summary>Every span exported so far.</summary>
    public IReadOnlyList<Activity> Spans => _spans.Snapshot();

    public static async Task<TelemetryApp> StartAsync(TestDatabaseKind database = TestDatabaseKind.SqliteFile,
        IReadOnlyDictionary<string, string?>? settings = null, bool jobs = false, Action<TestServerOptions>? configure = null)
    {
        var spans = new LockedList<Activity>();
        var metrics = new LockedList<MetricSnapshot>();
        var db = await TestDatabase.CreateAsync(database, "baas_otel");
        TestServer server;
        try
        {
            server = await StartServerAsync(db, spans, metrics, settings, jobs, configure);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
        return new TelemetryApp(server, db, spans, metrics);
    }

    private static Task<TestServer> StartServerAsync(TestDatabase db, LockedList<Activity> spans, LockedList<MetricSnapshot> metrics,
        IReadOnlyDictionary<string, string?>? settings, bool jobs, Action<TestServerOptions>? configure) =>
        TestServer.StartAsync(o =>
        {
            o.Database = db;
            o.UseTestAuthentication = true;
            o.ServiceTypes.Add(typeof(TelemetryServices));
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) o.Configuration[key] = value;
            o.PrepareDatabase = async factory =>
            {
                await using var db = await factory.OpenAsync();
                await db.CreateTableIfNotExistsAsync<Note>();
            };
            if (jobs)
            {
                o.ConfigureServices += services => services.AddBaaSJobs(j =>
                {
                    j.UseDatabase(db.SiblingConnectionString("jobs"), db.Dialect);
                    j.PollInterval = TimeSpan.FromMilliseconds(50);
                    j.ShutdownGracePeriod = TimeSpan.FromMilliseconds(500);
                }, typeof(NoteCommand).Assembly);
            }
            o.ConfigureBuilder += builder =>
            {
                #region snippet:otel-in-memory
                builder.Services.AddBaaSOpenTelemetry(builder.Configuration);
                builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                builder.Services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
                #endregion
            };
            configure?.Invoke(o);
        });

    /// <summary>Posts <paramref name="request"/> to <c>/api/{path}</c> in a new sampled trace; answers the response and the trace's id.</summary>
    public async Task<(HttpResponseMessage Response, ActivityTraceId TraceId)> PostAsync(string path, object request, string? user = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/" + path) { Content = JsonContent.Create(request, request.GetType()) };
        if (user is not null) message.Headers.Add(TestAuthentication.Header, user);
        return await SendAsync(message);
    }

    /// <summary>
    /// Sends <paramref name="message"/> in a new sampled trace: the test's own span is its parent, and HttpClient (whose
    /// instrumentation this process runs, as the app does) sends its traceparent.
    /// </summary>
    public async Task<(HttpResponseMessage Response, ActivityTraceId TraceId)> SendAsync(HttpRequestMessage message)
    {
        using var caller = new Activity("test caller");
        caller.SetParentId(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        caller.Start();
        var response = await Server.Http.SendAsync(message);
        caller.Stop();
        return (response, caller.TraceId);
    }

    /// <summary>The spans of a trace, waiting until <paramref name="until"/> holds for them (ASP.NET Core's ends after the answer is sent).</summary>
    public Task<List<Activity>> TraceAsync(ActivityTraceId traceId, Func<List<Activity>, bool> until) =>
        Eventually.ValueAsync(() => Task.FromResult(Spans.Where(s => s.TraceId == traceId).ToList()), until, $"the spans of trace {traceId} arrive");

    /// <summary>The spans of a trace once ASP.NET Core's request span (the last to end) is among them.</summary>
    public Task<List<Activity>> RequestTraceAsync(ActivityTraceId traceId) =>
        TraceAsync(traceId, spans => spans.Any(s => s.Source.Name == "Microsoft.AspNetCore"));

    /// <summary>Collects the metrics now and answers the snapshot of each instrument by name.</summary>
    public IReadOnlyDictionary<string, MetricSnapshot> CollectMetrics()
    {
        _metrics.Clear();
        Assert.True(Services.GetRequiredService<MeterProvider>().ForceFlush(10_000), "the metrics were collected");
        return _metrics.Snapshot().GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.Last());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await _database.DisposeAsync();
    }
}
