using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;

namespace BaaS.Tests.Formats;

public class FormatTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>, IAsyncLifetime
{
    private TestServer Host => fixture.Server;
    private readonly List<int> _ids = [];
    // Each test gets its own items: the store is shared by the class's tests.
    private readonly string _prefix = "Csv" + Guid.NewGuid().ToString("N")[..8];

    public async Task InitializeAsync()
    {
        using var client = Host.CreateClient();
        _ids.Add((await client.SendAsync(new CreateItem { Name = _prefix + "A Plain", Price = 1.5m, Quantity = 2, Category = Category.Drink })).Id);
        _ids.Add((await client.SendAsync(new CreateItem { Name = _prefix + "B, \"quoted\"\nline", Price = 10m })).Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_response_is_written_as_csv_with_a_header_row()
    {
        using var response = await Host.Http.GetAsync($"/api/ListItems?nameStartsWith={_prefix}&format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Equal(
            "Id,Name,Price,Quantity,Category,CreatedAt\r\n" +
            $"{_ids[0]},{_prefix}A Plain,1.5,2,Drink,2026-11-22T10:30:00.0000000Z\r\n" +
            $"{_ids[1]},\"{_prefix}B, \"\"quoted\"\"\nline\",10,0,Food,2026-11-22T10:30:00.0000000Z\r\n",
            csv);
    }

    [Fact]
    public async Task Accept_header_selects_csv()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/ListItems?nameStartsWith={_prefix}A");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var response = await Host.Http.SendAsync(request);
        Assert.StartsWith("Id,Name", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Results_property_of_a_response_becomes_the_csv_rows()
    {
        using var response = await Host.Http.GetAsync($"/api/SearchItems?ids={_ids[0]}&format=csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{_ids[0]},{_prefix}A Plain,", lines[1]);
    }

    [Fact]
    public async Task Jsonl_writes_one_object_per_line()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/SearchItems?ids={_ids[0]},{_ids[1]}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/jsonl"));
        using var response = await Host.Http.SendAsync(request);
        Assert.Equal("text/jsonl; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal(_ids[0], JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetInt32());
        Assert.Equal(_prefix + "B, \"quoted\"\nline", JsonDocument.Parse(lines[1]).RootElement.GetProperty("name").GetString());

        using var byQuery = await Host.Http.GetAsync($"/api/ListItems?nameStartsWith={_prefix}A&format=jsonl");
        Assert.Single((await byQuery.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Format_extension_on_the_api_path_selects_the_format()
    {
        var csv = await Host.Http.GetStringAsync($"/api/ListItems.csv?nameStartsWith={_prefix}A");
        Assert.StartsWith("Id,Name,Price", csv);
        Assert.Contains($"{_prefix}A Plain", csv);

        using var jsonl = await Host.Http.GetAsync($"/api/SearchItems.jsonl?ids={_ids[0]},{_ids[1]}");
        Assert.Equal("text/jsonl; charset=utf-8", jsonl.Content.Headers.ContentType!.ToString());
        Assert.Equal(2, (await jsonl.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        using var json = await Host.Http.GetAsync($"/api/GetItem.json?id={_ids[0]}");
        Assert.Equal("application/json; charset=utf-8", json.Content.Headers.ContentType!.ToString());

        using var unknown = await Host.Http.GetAsync("/api/NoSuchThing.csv");
        await HttpAssert.ErrorAsync(unknown, HttpStatusCode.NotFound);
        using var wrongVerb = await Host.Http.PostAsync("/api/ListItems.csv", HttpAssert.Json("{}"));
        await HttpAssert.ErrorAsync(wrongVerb, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Unknown_format_answers_400_naming_format()
    {
        using var response = await Host.Http.GetAsync("/api/ListItems?format=xml");
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("json, csv or jsonl", HttpAssert.FieldError(status, "format").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Return_void_answers_204_with_no_body()
    {
        using var response = await Host.Http.DeleteAsync($"/api/DeleteItem?id={_ids[0]}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Http_result_sets_status_and_headers()
    {
        using var response = await Host.Http.PostAsync("/api/CreateItemWithLocation", HttpAssert.Json("""{"name":"Located"}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal($"/items/{id}", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task String_response_is_plain_text()
    {
        using var response = await Host.Http.GetAsync("/api/PlainText?text=hi%20there");
        Assert.Equal("text/plain; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("hi there", await response.Content.ReadAsStringAsync());
    }
}
