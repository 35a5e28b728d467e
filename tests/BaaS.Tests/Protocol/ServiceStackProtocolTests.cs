using System.Net;
using BaaS.Tests.Fixtures;

namespace BaaS.Tests.Protocol;

/// <summary>
/// The exact bytes ServiceStack's clients send and expect: camelCase JSON in and out, nulls left out, enums by name,
/// dates ISO-8601, errors as <c>{"responseStatus":{...}}</c>.
/// </summary>
public class ServiceStackProtocolTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task Json_client_post_to_json_reply_gets_camel_case_json_without_nulls()
    {
        // What ServiceStack's JsonServiceClient sends for `client.Post(new CreateItem { Name = "Laksa", Price = 9.5m })`.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/json/reply/CreateItem")
        {
            Content = HttpAssert.Json("""{"Name":"Laksa","Price":9.5,"Quantity":0,"Category":"Food"}"""),
        };
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var body = await response.Content.ReadAsStringAsync();
        Assert.Matches("""^\{"id":\d+,"name":"Laksa","price":9.5,"quantity":0,"category":"Food","createdAt":"2026-11-22T10:30:00.0000000Z"\}$""", body);
    }

    [Fact]
    public async Task Typescript_client_get_with_query_string_from_the_dto()
    {
        // @servicestack/client's `client.api(new EchoTypes({ id: 1, names: ['a','b'], nullableInt: null }))` as GET:
        // arrays join with commas, a null value is sent as a bare key.
        using var response = await Host.Http.GetAsync("/api/EchoTypes?id=1&names=a%2Cb&nullableInt");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"names\":[\"a\",\"b\"]", body);
        Assert.DoesNotContain("nullableInt", body);
    }

    [Fact]
    public async Task Validation_error_has_servicestack_shape()
    {
        using var response = await Host.Http.GetAsync("/api/Throw?kind=Validation");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            """{"responseStatus":{"errorCode":"NotEmpty","message":"'Name' must not be empty.","errors":[{"errorCode":"NotEmpty","fieldName":"Name","message":"'Name' must not be empty."}]}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Exception_error_has_servicestack_shape_with_empty_errors()
    {
        using var response = await Host.Http.GetAsync("/api/Throw?kind=KeyNotFound&message=Order%207%20not%20found");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(
            """{"responseStatus":{"errorCode":"KeyNotFoundException","message":"Order 7 not found","errors":[]}}""",
            await response.Content.ReadAsStringAsync());
    }
}
