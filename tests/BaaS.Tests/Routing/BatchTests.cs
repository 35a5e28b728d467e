using System.Net;
using System.Text.Json;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;
using BaaS.Text;

namespace BaaS.Tests.Routing;

/// <summary>ServiceStack's auto-batched requests (<c>sendAll</c>): <c>POST /api/{Name}[]</c> with an array of DTOs.</summary>
public class BatchTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    [Theory]
    [InlineData("/api/CreateItem[]")]
    [InlineData("/json/reply/CreateItem[]")]
    public async Task Batch_runs_each_request_and_answers_the_responses_in_order(string path)
    {
        using var response = await Host.Http.PostAsync(path,
            HttpAssert.Json("""[{"name":"Batch A","price":1},{"name":"Batch B","price":2},{"name":"Batch C","price":3}]"""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var items = JsonSerializer.Deserialize<List<Item>>(body, JsonProtocol.Options)!;
        Assert.Equal(["Batch A", "Batch B", "Batch C"], items.Select(i => i.Name));
        Assert.Equal([1m, 2m, 3m], items.Select(i => i.Price));
        Assert.True(items[0].Id < items[1].Id && items[1].Id < items[2].Id);
    }

    [Fact]
    public async Task Failing_request_stops_the_batch_and_says_how_many_completed()
    {
        var name = "Partial " + Guid.NewGuid().ToString("N")[..6];
        using var response = await Host.Http.PostAsync("/api/CreateItem[]",
            HttpAssert.Json($$"""[{"name":"{{name}}","price":1},{"price":2},{"name":"never","price":3}]"""));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Required", HttpAssert.FieldError(status, "Name").GetProperty("errorCode").GetString());
        Assert.Equal("1", response.Headers.GetValues("X-AutoBatch-Completed").Single());

        using var client = Host.CreateClient();
        var all = await client.SendAsync(new ListItems());
        Assert.Single(all, i => i.Name == name);
        Assert.DoesNotContain(all, i => i.Name == "never");
    }

    [Theory]
    [InlineData("""{"name":"x"}""", "must be a JSON array")]
    [InlineData("""[{"name":"x"}, 5]""", "Item 1 of the batch is not a JSON object")]
    [InlineData("""[{"name":"x"}""", "not valid JSON")]
    public async Task Body_that_is_not_an_array_of_objects_answers_400(string body, string expected)
    {
        using var response = await Host.Http.PostAsync("/api/CreateItem[]", HttpAssert.Json(body));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(expected, status.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Batch_over_the_size_limit_answers_400_before_running_anything()
    {
        await using var small = await StandardServer.StartAsync(o => o.BaaS += b => b.MaxBatchSize = 2);
        using var response = await small.Http.PostAsync("/api/CreateItem[]",
            HttpAssert.Json("""[{"name":"a"},{"name":"b"},{"name":"c"}]"""));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("BatchTooLarge", status.GetProperty("errorCode").GetString());
        Assert.Equal("0", response.Headers.GetValues("X-AutoBatch-Completed").Single());
    }

    [Fact]
    public async Task Unknown_name_is_404_and_get_is_405()
    {
        using var unknown = await Host.Http.PostAsync("/api/NoSuchThing[]", HttpAssert.Json("[]"));
        await HttpAssert.ErrorAsync(unknown, HttpStatusCode.NotFound);
        using var get = await Host.Http.GetAsync("/api/CreateItem[]");
        await HttpAssert.ErrorAsync(get, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Void_operations_batch_to_204()
    {
        using var client = Host.CreateClient();
        var a = await client.SendAsync(new CreateItem { Name = "Doomed A", Price = 1 });
        var b = await client.SendAsync(new CreateItem { Name = "Doomed B", Price = 1 });
        using var response = await Host.Http.PostAsync("/api/DeleteItem[]", HttpAssert.Json($$"""[{"id":{{a.Id}}},{"id":{{b.Id}}}]"""));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(404, (await client.ApiAsync(new GetItem { Id = b.Id })).StatusCode);
    }
}
