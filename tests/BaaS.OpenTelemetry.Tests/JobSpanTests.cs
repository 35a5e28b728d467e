using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.OpenTelemetry.Tests;

/// <summary>A job's run is a trace of its own, linked to the enqueue span under the request that queued it.</summary>
public abstract class JobSpanTests(TestDatabaseKind kind)
{
    [Fact]
    public async Task Run_span_is_linked_to_the_enqueue_span_of_the_request_that_queued_the_job()
    {
        await using var app = await TelemetryApp.StartAsync(kind, jobs: true);
        var (response, traceId) = await app.PostAsync("QueueNote", new QueueNote { Text = "from a job" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jobId = long.Parse((await response.Content.ReadFromJsonAsync<IdResponse>())!.Id!, CultureInfo.InvariantCulture);

        var requestSpans = await app.RequestTraceAsync(traceId);
        var operation = Assert.Single(requestSpans, s => s.Source.Name == BaaSTelemetry.OperationsSourceName);
        var enqueue = Assert.Single(requestSpans, s => s.Source.Name == BaaSTelemetry.JobsSourceName);
        Assert.Equal("enqueue NoteCommand", enqueue.DisplayName);
        Assert.Equal(ActivityKind.Producer, enqueue.Kind);
        Assert.Equal(operation.SpanId, enqueue.ParentSpanId);
        Assert.Equal(jobId, enqueue.GetTagItem("baas.job.id"));

        var run = await Eventually.ValueAsync(
            () => Task.FromResult(app.Spans.FirstOrDefault(s => s.Source.Name == BaaSTelemetry.JobsSourceName && s.DisplayName == "run NoteCommand")),
            s => s is not null, "the job's run span ends");
        Assert.NotEqual(traceId, run!.TraceId);
        Assert.Equal(default, run.ParentSpanId);
        Assert.Equal(ActivityKind.Consumer, run.Kind);
        var link = Assert.Single(run.Links);
        Assert.Equal(traceId, link.Context.TraceId);
        Assert.Equal(enqueue.SpanId, link.Context.SpanId);
        Assert.Equal("NoteCommand", run.GetTagItem("baas.job.command"));
        Assert.Equal(jobId, run.GetTagItem("baas.job.id"));
        Assert.Equal(1, run.GetTagItem("baas.job.attempt"));
        Assert.Equal("completed", run.GetTagItem("baas.job.outcome"));

        // The job's own SQL is traced under its run.
        var runSql = await app.TraceAsync(run.TraceId, spans => spans.Any(s => s.Source.Name == BaaSTelemetry.DataSourceName));
        Assert.All(runSql.Where(s => s.Source.Name == BaaSTelemetry.DataSourceName), s => Assert.Equal(run.SpanId, s.ParentSpanId));

        // The traceparent is stored with the job.
        await using var jobsDb = await app.Services.GetRequiredService<BaaS.Data.IDbConnectionFactory>().OpenAsync("jobs");
        var stored = await BaaS.Data.DataConnectionExtensions.SqlScalarAsync<string>(jobsDb, "SELECT trace_parent FROM baas_job WHERE id = @jobId", new { jobId });
        Assert.Equal(enqueue.Id, stored);
    }
}

public sealed class SqliteJobSpanTests() : JobSpanTests(TestDatabaseKind.SqliteFile);

public sealed class PostgresJobSpanTests() : JobSpanTests(TestDatabaseKind.PostgreSql);
