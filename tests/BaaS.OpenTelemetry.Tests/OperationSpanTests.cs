using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;

namespace BaaS.OpenTelemetry.Tests;

public sealed class OperationSpanTests
{
    private static Activity Single(List<Activity> spans, string source, string name) =>
        Assert.Single(spans, s => s.Source.Name == source && s.DisplayName == name);

    [Fact]
    public async Task Http_call_has_one_operation_span_under_the_request_span_with_its_tags_and_no_body()
    {
        await using var app = await TelemetryApp.StartAsync();
        var (response, traceId) = await app.PostAsync("Greet", new Greet { Name = "secret-name-7731" }, user: "42:ada|Customer");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await app.RequestTraceAsync(traceId);
        var request = Single(spans, "Microsoft.AspNetCore", "POST /api/Greet");
        var operation = Single(spans, BaaSTelemetry.OperationsSourceName, "Greet");
        Assert.Equal(request.SpanId, operation.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, operation.Kind);
        Assert.Equal("Greet", operation.GetTagItem("baas.operation"));
        Assert.Equal("http", operation.GetTagItem("baas.operation.kind"));
        Assert.Equal("POST", operation.GetTagItem("http.request.method"));
        Assert.Equal(200, operation.GetTagItem("http.response.status_code"));
        Assert.Equal("42", operation.GetTagItem("enduser.id"));
        Assert.Null(operation.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        // Neither the request's body nor the answer's appears anywhere on the trace.
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("secret-name-7731") == true);
        Assert.DoesNotContain(spans.SelectMany(s => s.Events), e => e.Name.Contains("secret-name-7731"));
    }

    [Fact]
    public async Task Unexpected_failure_marks_the_span_as_an_error_with_the_exception_type()
    {
        await using var app = await TelemetryApp.StartAsync();
        var (response, traceId) = await app.PostAsync("Explode", new Explode());
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        var operation = Single(await app.RequestTraceAsync(traceId), BaaSTelemetry.OperationsSourceName, "Explode");
        Assert.Equal(500, operation.GetTagItem("http.response.status_code"));
        Assert.Equal(typeof(InvalidOperationException).FullName, operation.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Error, operation.Status);
        Assert.Null(operation.GetTagItem("enduser.id"));
    }

    [Fact]
    public async Task Refused_call_is_tagged_with_its_error_code_but_not_marked_failed()
    {
        await using var app = await TelemetryApp.StartAsync();
        var (response, traceId) = await app.PostAsync("Register", new Register { Email = "", Password = "hunter2-secret" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var spans = await app.RequestTraceAsync(traceId);
        var operation = Single(spans, BaaSTelemetry.OperationsSourceName, "Register");
        Assert.Equal(400, operation.GetTagItem("http.response.status_code"));
        Assert.Equal("NotEmpty", operation.GetTagItem("error.type"));
        Assert.Equal(ActivityStatusCode.Unset, operation.Status);
        Assert.DoesNotContain(spans.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("hunter2-secret") == true);
    }

    [Fact]
    public async Task Gateway_call_is_a_child_span_of_the_calling_operation()
    {
        await using var app = await TelemetryApp.StartAsync();
        var (response, traceId) = await app.PostAsync("GreetTwice", new GreetTwice { Name = "Bo" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await app.RequestTraceAsync(traceId);
        var outer = Single(spans, BaaSTelemetry.OperationsSourceName, "GreetTwice");
        var inner = Single(spans, BaaSTelemetry.OperationsSourceName, "Greet");
        Assert.Equal(outer.SpanId, inner.ParentSpanId);
        Assert.Equal("gateway", inner.GetTagItem("baas.operation.kind"));
        Assert.Equal("http", outer.GetTagItem("baas.operation.kind"));
    }

    [Fact]
    public async Task Batch_has_a_span_with_a_child_per_request_numbered_in_order()
    {
        await using var app = await TelemetryApp.StartAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/Greet[]")
        {
            Content = JsonContent.Create(new[] { new Greet { Name = "a" }, new Greet { Name = "b" }, new Greet { Name = "c" } }),
        };
        var (response, traceId) = await app.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var spans = await app.RequestTraceAsync(traceId);
        var greets = spans.Where(s => s.Source.Name == BaaSTelemetry.OperationsSourceName).ToList();
        var batch = Assert.Single(greets, s => s.GetTagItem("baas.batch.index") is null);
        Assert.Equal("batch", batch.GetTagItem("baas.operation.kind"));
        var items = greets.Where(s => s != batch).OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal([0, 1, 2], items.Select(s => (int)s.GetTagItem("baas.batch.index")!));
        Assert.All(items, item =>
        {
            Assert.Equal(batch.SpanId, item.ParentSpanId);
            Assert.Equal(200, item.GetTagItem("http.response.status_code"));
        });
    }

    [Fact]
    public async Task Malformed_body_is_traced_with_its_400()
    {
        await using var app = await TelemetryApp.StartAsync();
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/Greet") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        var (response, traceId) = await app.SendAsync(message);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var operation = Single(await app.RequestTraceAsync(traceId), BaaSTelemetry.OperationsSourceName, "Greet");
        Assert.Equal(400, operation.GetTagItem("http.response.status_code"));
        Assert.NotNull(operation.GetTagItem("error.type"));
    }
}
