using System.Net;
using BaaS.Client;
using BaaS.Tests.Fixtures;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Hosting;

public sealed class FilterHostFixture : TestServerFixture
{
    protected override void Configure(TestServerOptions options)
    {
        StandardServer.Configure(options);
        options.ServiceTypes.AddRange([.. StandardServer.Services, typeof(GatewayServices)]);
        options.ConfigureServices += s => s.AddSingleton<IOperationFilter, BlockingFilter>().AddSingleton<IOperationFilter, ForbiddenNameFilter>();
    }
}

public class FilterAndGatewayTests(FilterHostFixture fixture) : IClassFixture<FilterHostFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task Filter_before_binding_refuses_without_reading_the_body()
    {
        using var response = await Host.Http.PostAsync("/api/BlockedOperation", HttpAssert.Json("{ this is not json"));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("BlockedOperation is blocked.", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Filter_after_binding_sees_the_dto_and_others_are_untouched()
    {
        using var client = Host.CreateClient();
        var refused = await client.ApiAsync(new CreateItem { Name = "forbidden", Price = 1 });
        Assert.Equal("Forbidden", refused.FieldError("Name")?.ErrorCode);
        var allowed = await client.ApiAsync(new CreateItem { Name = "fine", Price = 1 });
        Assert.True(allowed.Succeeded);
    }

    [Fact]
    public async Task Batches_go_through_the_filters()
    {
        using var response = await Host.Http.PostAsync("/api/CreateItem[]", HttpAssert.Json("""[{"name":"ok"},{"name":"forbidden"}]"""));
        await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("1", response.Headers.GetValues("X-AutoBatch-Completed").Single());

        using var blocked = await Host.Http.PostAsync("/api/BlockedOperation[]", HttpAssert.Json("[{}]"));
        await HttpAssert.ErrorAsync(blocked, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Gateway_calls_go_through_the_filters_and_raise_the_inner_error()
    {
        using var client = Host.CreateClient();
        var created = await client.SendAsync(new CreateItemViaGateway { Name = "via gateway" });
        Assert.Equal("via gateway", created.Name);

        var refused = await client.ApiAsync(new CreateItemViaGateway { Name = "forbidden" });
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("Forbidden", refused.FieldError("Name")?.ErrorCode);

        var missing = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new GetItemViaGateway { Id = -5 }));
        Assert.Equal(404, missing.StatusCode);
    }

    [Fact]
    public async Task Gateway_call_releases_what_the_inner_service_registered_for_disposal()
    {
        using var client = Host.CreateClient();
        var item = await client.SendAsync(new CreateItem { Name = "disposal", Price = 1 });
        var report = await client.SendAsync(new GetItemViaGateway { Id = item.Id });
        Assert.Equal("disposal", report.Item!.Name);
        Assert.True(report.InnerDisposed);
    }
}
