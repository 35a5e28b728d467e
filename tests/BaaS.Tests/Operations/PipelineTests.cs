using System.Net;
using System.Text.Json;
using BaaS.Client;
using BaaS.Hosting;
using BaaS.Tests.Docs.Examples;
using BaaS.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Operations;

public sealed class PipelineHostFixture : TestServerFixture
{
    public OperationStats Stats => Services.GetRequiredService<OperationStats>();

    public ServiceCalls Calls => Services.GetRequiredService<ServiceCalls>();

    protected override void Configure(TestServerOptions options)
    {
        StandardServer.Configure(options);
        options.ServiceTypes.AddRange([.. StandardServer.Services, typeof(GatewayServices), typeof(PipelineProbeServices)]);
        options.ConfigureServices += s => s
            .AddOperationStats()
            .AddSingleton<ServiceCalls>()
            .AddSingleton<IOperationFilter, BlockingFilter>()
            .AddSingleton<IOperationFilter, ForbiddenNameFilter>()
            .AddSingleton<IOperationFilter, ThrowingFilter>()
            .AddSingleton<IOperationFilter, ShortCircuitFilter>();
    }
}

/// <summary>
/// The operation pipeline: the example feature of docs/extending.md plugs in an endpoint, an operation, a filter and a
/// plugins entry, and its filter's after-side sees every call, however it came in and however it ended.
/// </summary>
public class PipelineTests(PipelineHostFixture fixture) : IClassFixture<PipelineHostFixture>
{
    private TestServer Host => fixture.Server;

    private async Task<List<OperationCall>> CallsDuring(Func<Task> act)
    {
        var before = fixture.Stats.Calls.Count;
        await act();
        return [.. fixture.Stats.Calls.Skip(before)];
    }

    [Fact]
    public async Task Example_feature_maps_its_endpoint_serves_its_operation_and_describes_itself()
    {
        using var client = Host.CreateClient();
        await client.SendAsync(new CreateItem { Name = "counted", Price = 1 });

        var stats = await client.SendAsync(new GetOperationStats { Name = nameof(CreateItem) });
        Assert.True(stats.Calls >= 1);

        var text = await Host.Http.GetStringAsync("/stats.txt");
        Assert.Contains($"{nameof(CreateItem)} ", text);

        using var metadata = JsonDocument.Parse(await Host.Http.GetStringAsync("/metadata/app.json"));
        var plugin = metadata.RootElement.GetProperty("plugins").GetProperty("operationStats");
        Assert.Equal("/stats.txt", plugin.GetProperty("endpoint").GetString());
        Assert.Equal(Host.App.Services.GetRequiredService<BaaSHost>().Catalog.Operations.Count, plugin.GetProperty("operations").GetInt32());
    }

    [Fact]
    public async Task After_side_sees_http_calls_with_status_and_duration()
    {
        using var client = Host.CreateClient();
        var calls = await CallsDuring(() => client.SendAsync(new CreateItem { Name = "timed", Price = 2 }));
        var call = Assert.Single(calls);
        Assert.Equal((nameof(CreateItem), OperationKind.Http, 200, null), (call.Operation, call.Kind, call.StatusCode, call.ErrorType));
        Assert.True(call.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public async Task Before_binding_observer_sees_a_malformed_body_answered_400()
    {
        var calls = await CallsDuring(async () =>
        {
            using var response = await Host.Http.PostAsync("/api/CreateItem", HttpAssert.Json("{ not json"));
            await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        });
        var call = Assert.Single(calls);
        Assert.Equal((nameof(CreateItem), OperationKind.Http, 400), (call.Operation, call.Kind, call.StatusCode));
        Assert.NotNull(call.ErrorType);
    }

    [Fact]
    public async Task After_side_sees_a_batch_once_with_its_outcome()
    {
        var calls = await CallsDuring(async () =>
        {
            using var ok = await Host.Http.PostAsync("/api/CreateItem[]", HttpAssert.Json("""[{"name":"b1","price":1},{"name":"b2","price":1}]"""));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using var refused = await Host.Http.PostAsync("/api/CreateItem[]", HttpAssert.Json("""[{"name":"b3","price":1},{"name":"forbidden"}]"""));
            await HttpAssert.ErrorAsync(refused, HttpStatusCode.BadRequest);
        });
        Assert.Equal([(OperationKind.Batch, 200), (OperationKind.Batch, 400)], calls.Select(c => (c.Kind, c.StatusCode)));
    }

    [Fact]
    public async Task After_side_sees_gateway_calls_inside_the_http_call()
    {
        using var client = Host.CreateClient();
        var calls = await CallsDuring(() => client.SendAsync(new CreateItemViaGateway { Name = "inner" }));
        // The inner call finishes first, so it is recorded first.
        Assert.Equal(
            [(nameof(CreateItem), OperationKind.Gateway, 200), (nameof(CreateItemViaGateway), OperationKind.Http, 200)],
            calls.Select(c => (c.Operation, c.Kind, c.StatusCode)));
    }

    [Fact]
    public async Task A_filter_that_throws_answers_its_error_and_the_after_side_sees_it()
    {
        using var client = Host.CreateClient();
        var servicesBefore = fixture.Calls.Count;
        ApiResult<PipelineProbeResponse>? refused = null;
        var calls = await CallsDuring(async () => refused = await client.ApiAsync(new RefusedByFilter { Value = "x" }));
        Assert.Equal(422, refused!.StatusCode);
        Assert.Equal("Refused", refused.ErrorCode);
        Assert.Equal("The filter refused 'x'.", refused.ErrorMessage);
        Assert.Equal(servicesBefore, fixture.Calls.Count);
        var call = Assert.Single(calls);
        Assert.Equal((422, nameof(HttpError)), (call.StatusCode, call.ErrorType));
    }

    [Fact]
    public async Task A_filter_that_short_circuits_answers_in_the_services_place()
    {
        using var client = Host.CreateClient();
        var servicesBefore = fixture.Calls.Count;
        PipelineProbeResponse? answer = null;
        var calls = await CallsDuring(async () => answer = await client.SendAsync(new AnsweredByFilter { Value = "y" }));
        Assert.Equal("filter:y", answer!.Answer);
        Assert.Equal(servicesBefore, fixture.Calls.Count);
        var call = Assert.Single(calls);
        Assert.Equal((200, null), (call.StatusCode, call.ErrorType));
    }

    [Fact]
    public async Task A_service_that_throws_answers_500_and_the_after_side_sees_it()
    {
        using var client = Host.CreateClient();
        ApiResult<PipelineProbeResponse>? failed = null;
        var calls = await CallsDuring(async () => failed = await client.ApiAsync(new ServiceThatThrows { Value = "z" }));
        Assert.Equal(500, failed!.StatusCode);
        Assert.Equal(nameof(InvalidOperationException), failed.ErrorCode);
        var call = Assert.Single(calls);
        Assert.Equal((500, nameof(InvalidOperationException)), (call.StatusCode, call.ErrorType));
    }

    [Fact]
    public async Task A_refusal_before_binding_is_seen_by_the_outer_observer()
    {
        var calls = await CallsDuring(async () =>
        {
            using var response = await Host.Http.PostAsync("/api/BlockedOperation", HttpAssert.Json("{}"));
            await HttpAssert.ErrorAsync(response, HttpStatusCode.Forbidden);
        });
        var call = Assert.Single(calls);
        Assert.Equal((nameof(BlockedOperation), 403), (call.Operation, call.StatusCode));
    }

    [Fact]
    public void The_order_of_each_pipeline_is_explicit_and_inspectable()
    {
        const string Telemetry = "OperationTracingFilter"; // always there, outermost: spans and metrics when listened to
        const string RateLimits = "RateLimitFilter"; // on by default, just inside the observers
        var host = Host.App.Services.GetRequiredService<BaaSHost>();
        var filters = host.FiltersOf(host.Catalog.Find(nameof(BlockedOperation))!).Select(f => f.GetType().Name).ToList();
        Assert.Equal([Telemetry, nameof(OperationStatsFilter), RateLimits, nameof(BlockingFilter)], filters);
        var createItem = host.FiltersOf(host.Catalog.Find(nameof(RefusedByFilter))!).Select(f => f.GetType().Name).ToList();
        Assert.Equal([Telemetry, nameof(OperationStatsFilter), RateLimits, nameof(ThrowingFilter)], createItem);
        var items = host.FiltersOf(host.Catalog.Find(nameof(CreateItem))!).Select(f => f.GetType().Name).ToList();
        Assert.Equal([Telemetry, nameof(OperationStatsFilter), RateLimits, nameof(ForbiddenNameFilter)], items);
    }
}
