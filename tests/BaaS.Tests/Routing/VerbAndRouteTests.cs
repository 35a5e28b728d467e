using System.Net;
using System.Text.Json;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;

namespace BaaS.Tests.Routing;

public class VerbAndRouteTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task Every_verb_reaches_its_method_through_the_typed_client()
    {
        using var client = Host.CreateClient();
        var created = await client.SendAsync(new CreateItem { Name = "Pad Thai", Price = 12.50m, Quantity = 3 });
        Assert.True(created.Id > 0);
        Assert.Equal("Pad Thai", created.Name);

        var fetched = await client.SendAsync(new GetItem { Id = created.Id });
        Assert.Equal(12.50m, fetched.Price);

        var updated = await client.SendAsync(new UpdateItem { Id = created.Id, Name = "Pad See Ew", Price = 13m });
        Assert.Equal("Pad See Ew", updated.Name);

        var patched = await client.SendAsync(new PatchItem { Id = created.Id, Quantity = 9 });
        Assert.Equal(9, patched.Item.Quantity);
        Assert.Equal("Pad See Ew", patched.Item.Name);

        await client.SendAsync(new DeleteItem { Id = created.Id });
        var gone = await client.ApiAsync(new GetItem { Id = created.Id });
        Assert.Equal(404, gone.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Any_method_answers_every_verb_at_api_and_json_reply(string verb)
    {
        foreach (var path in new[] { "/api/AnyVerb?value=x", "/json/reply/AnyVerb?value=x" })
        {
            using var response = await Host.Http.SendAsync(new HttpRequestMessage(new HttpMethod(verb), path));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(verb, json.RootElement.GetProperty("verb").GetString());
            Assert.Equal("x", json.RootElement.GetProperty("value").GetString());
        }
    }

    [Fact]
    public async Task Wrong_verb_answers_405_with_allow_header_and_response_status()
    {
        using var response = await Host.Http.PostAsync("/api/OnlyGet", HttpAssert.Json("{}"));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("MethodNotAllowed", status.GetProperty("errorCode").GetString());
        Assert.Contains("GET", status.GetProperty("message").GetString());
        Assert.Equal("GET", response.Content.Headers.Allow.Single());
    }

    [Fact]
    public async Task Route_shared_by_several_dtos_dispatches_by_verb()
    {
        using var client = Host.CreateClient();
        var item = await client.SendAsync(new CreateItem { Name = "Tea", Price = 2m });

        using var get = await Host.Http.GetAsync($"/items/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        using var put = await Host.Http.PutAsync($"/items/{item.Id}", HttpAssert.Json("""{"name":"Green tea","price":2.5}"""));
        Assert.Equal("Green tea", JsonDocument.Parse(await put.Content.ReadAsStringAsync()).RootElement.GetProperty("name").GetString());
        using var delete = await Host.Http.DeleteAsync($"/items/{item.Id}");
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);

        using var post = await Host.Http.PostAsync($"/items/{item.Id}", HttpAssert.Json("{}"));
        await HttpAssert.ErrorAsync(post, HttpStatusCode.MethodNotAllowed);
        Assert.Equal(["DELETE", "GET", "PATCH", "PUT"], post.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Unknown_api_name_answers_404_with_response_status()
    {
        using var response = await Host.Http.GetAsync("/api/NoSuchThing");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("NotFound", status.GetProperty("errorCode").GetString());
        Assert.Contains("NoSuchThing", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Unknown_path_answers_404_with_response_status()
    {
        using var response = await Host.Http.GetAsync("/no/such/path");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("/no/such/path", status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Api_names_and_routes_match_case_insensitively()
    {
        using var client = Host.CreateClient();
        var item = await client.SendAsync(new CreateItem { Name = "Soup", Price = 4m });
        using var byName = await Host.Http.GetAsync($"/API/getitem?ID={item.Id}");
        Assert.Equal(HttpStatusCode.OK, byName.StatusCode);
        using var byRoute = await Host.Http.GetAsync($"/ITEMS/{item.Id}");
        Assert.Equal(HttpStatusCode.OK, byRoute.StatusCode);
    }

    [Fact]
    public async Task Head_is_answered_like_get_without_a_body()
    {
        using var response = await Host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/OnlyGet"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }
}
