using System.Diagnostics;
using System.Net;

namespace BaaS.OpenTelemetry.Tests;

/// <summary>A span per SQL command, under the operation that ran it: written once, run per database.</summary>
public abstract class SqlSpanTests(TestDatabaseKind kind, string system)
{
    [Fact]
    public async Task Each_command_is_a_child_span_of_the_operation_with_the_sql_text_and_no_values()
    {
        await using var app = await TelemetryApp.StartAsync(kind);
        const string text = "note-value-90210";
        var (response, traceId) = await app.PostAsync("SaveNote", new SaveNote { Text = text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await app.RequestTraceAsync(traceId);
        var operation = Assert.Single(spans, s => s.Source.Name == BaaSTelemetry.OperationsSourceName);
        var commands = spans.Where(s => s.Source.Name == BaaSTelemetry.DataSourceName).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(["INSERT", "SELECT"], commands.Select(c => c.DisplayName));
        Assert.All(commands, command =>
        {
            Assert.Equal(operation.SpanId, command.ParentSpanId);
            Assert.Equal(ActivityKind.Client, command.Kind);
            Assert.Equal(system, command.GetTagItem("db.system"));
            var sql = Assert.IsType<string>(command.GetTagItem("db.statement"));
            Assert.Contains("otel_note", sql);
            Assert.DoesNotContain(text, sql);
        });
        Assert.StartsWith("INSERT INTO", (string)commands[0].GetTagItem("db.statement")!);
        Assert.Equal("SELECT", commands[1].GetTagItem("db.operation"));
        // The value went as a parameter: no tag of any span carries it.
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains(text) == true);
    }

    [Fact]
    public async Task Commands_outside_any_span_make_no_trace()
    {
        await using var app = await TelemetryApp.StartAsync(kind);
        var before = app.Spans.Count(s => s.Source.Name == BaaSTelemetry.DataSourceName);
        Assert.Null(Activity.Current);
        await using (var db = await app.Server.Db.OpenAsync())
            await BaaS.Data.DataConnectionExtensions.SelectAsync<Note>(db);
        Assert.Equal(before, app.Spans.Count(s => s.Source.Name == BaaSTelemetry.DataSourceName));
    }
}

public sealed class SqliteSqlSpanTests() : SqlSpanTests(TestDatabaseKind.SqliteFile, "sqlite");

public sealed class PostgresSqlSpanTests() : SqlSpanTests(TestDatabaseKind.PostgreSql, "postgresql");
