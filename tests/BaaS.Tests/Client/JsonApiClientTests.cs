using BaaS.Client;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;

namespace BaaS.Tests.Client;

public class JsonApiClientTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task Api_returns_the_response_on_success()
    {
        using var client = Host.CreateClient();
        var result = await client.ApiAsync(new CreateItem { Name = "Dumplings", Price = 6m });
        Assert.True(result.Succeeded);
        Assert.Equal("Dumplings", result.Response!.Name);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task Api_returns_field_errors_by_name_instead_of_throwing()
    {
        using var client = Host.CreateClient();
        var result = await client.ApiAsync(new RequiresValue());
        Assert.True(result.Failed);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("Required", result.ErrorCode);
        Assert.Equal("'Value' is required.", result.FieldErrorMessage("value"));
        Assert.Null(result.ErrorSummary);
    }

    [Fact]
    public async Task Send_throws_web_service_exception_carrying_the_response_status()
    {
        using var client = Host.CreateClient();
        var error = await Assert.ThrowsAsync<WebServiceException>(() => client.SendAsync(new GetItem { Id = -1 }));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal("NotFound", error.ErrorCode);
        Assert.Equal("Item -1 does not exist.", error.Message);
    }

    [Fact]
    public async Task Void_requests_succeed_with_204()
    {
        using var client = Host.CreateClient();
        var item = await client.SendAsync(new CreateItem { Name = "Gone soon", Price = 1m });
        var result = await client.ApiAsync(new DeleteItem { Id = item.Id });
        Assert.True(result.Succeeded);
        var again = await client.ApiAsync(new DeleteItem { Id = item.Id });
        Assert.Equal("KeyNotFoundException", again.ErrorCode);
    }

    [Fact]
    public async Task Get_requests_send_every_type_in_the_query_string_and_read_it_back()
    {
        using var client = Host.CreateClient();
        var sent = new EchoTypes
        {
            Id = 9, Name = "a & b = c?", Decimal = 1.0000000001m, Bool = true, DateTime = new DateTime(2026, 11, 22, 1, 2, 3, DateTimeKind.Utc),
            DateTimeOffset = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(-5)), DateOnly = new DateOnly(2026, 3, 4),
            TimeOnly = new TimeOnly(5, 6, 7), TimeSpan = TimeSpan.FromSeconds(3725.5), Guid = Guid.NewGuid(), Category = Category.Other,
            Ids = [1, 2], Names = ["x,y", "z"], Categories = [Category.Drink], Meta = new() { ["k"] = "v" },
            Address = new Address { City = "Rome" }, Data = [9, 8, 7],
        };
        var echo = await client.GetAsync(sent);
        Assert.Equal(sent.Name, echo.Name);
        Assert.Equal(sent.Decimal, echo.Decimal);
        Assert.Equal(sent.DateTime, echo.DateTime);
        Assert.Equal(sent.DateTimeOffset, echo.DateTimeOffset);
        Assert.Equal(sent.DateOnly, echo.DateOnly);
        Assert.Equal(sent.TimeOnly, echo.TimeOnly);
        Assert.Equal(sent.TimeSpan, echo.TimeSpan);
        Assert.Equal(sent.Guid, echo.Guid);
        Assert.Equal(sent.Category, echo.Category);
        Assert.Equal(sent.Ids, echo.Ids);
        Assert.Equal(sent.Names, echo.Names);
        Assert.Equal(sent.Categories, echo.Categories);
        Assert.Equal("v", echo.Meta!["k"]);
        Assert.Equal("Rome", echo.Address!.City);
        Assert.Equal(sent.Data, echo.Data);
    }

    [Fact]
    public async Task Bearer_token_and_headers_are_sent()
    {
        using var client = Host.CreateClient();
        client.BearerToken = "abc.def";
        client.Headers["X-Custom"] = "yes";
        var headers = await client.SendAsync(new EchoHeaders());
        Assert.Equal("Bearer abc.def", headers["Authorization"]);
        Assert.Equal("yes", headers["X-Custom"]);
        Assert.Equal("application/json", headers["Accept"]);
    }
}
