using System.Net;
using System.Text;
using System.Text.Json;
using BaaS.Tests.Fixtures;
using BaaS.Text;
using Microsoft.Extensions.DependencyInjection;

namespace BaaS.Tests.Binding;

/// <summary>
/// Every list, array, set and dictionary of a request has a limit: <c>[ValidateMaxItems(n)]</c>, else
/// <c>BaaSOptions.MaxCollectionItems</c>. Over it is a 400 naming the field, from any source, before the service runs.
/// </summary>
public class ItemLimitTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    [Fact]
    public async Task A_declared_limit_refuses_a_longer_list_from_json_query_and_form()
    {
        await AssertTooManyAsync(Host, new HttpRequestMessage(HttpMethod.Post, "/api/LimitedLists") { Content = HttpAssert.Json("""{"ids":[1,2,3]}""") }, "Ids", 2);
        await AssertTooManyAsync(Host, new HttpRequestMessage(HttpMethod.Post, "/api/LimitedLists?ids=1,2&ids=3"), "Ids", 2);
        await AssertTooManyAsync(Host, new HttpRequestMessage(HttpMethod.Post, "/api/LimitedLists?ids=" + Uri.EscapeDataString("[1,2,3]")), "Ids", 2);
        await AssertTooManyAsync(Host, new HttpRequestMessage(HttpMethod.Post, "/api/LimitedLists")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ids"] = "1,2,3" }),
        }, "Ids", 2);

        // At the limit, and with empty parts that are no items, the list binds.
        using var fits = await Host.Http.PostAsync("/api/LimitedLists?ids=1,,2,", null);
        var body = await fits.Content.ReadAsStringAsync();
        Assert.True(fits.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal([1, 2], JsonSerializer.Deserialize<LimitedLists>(body, JsonProtocol.Options)!.Ids);
    }

    [Fact]
    public async Task Collections_without_a_declared_limit_get_the_configured_default()
    {
        await using var server = await StandardServer.StartAsync(o => o.BaaS += b => b.MaxCollectionItems = 3);
        await AssertTooManyAsync(server, Post("""{"tags":["a","b","c","d"]}"""), "Tags", 3);
        await AssertTooManyAsync(server, Post("""{"counts":{"a":1,"b":2,"c":3,"d":4}}"""), "Counts", 3);
        await AssertTooManyAsync(server, new HttpRequestMessage(HttpMethod.Get, "/api/EchoTypes?numbers=1,2,3,4"), "Numbers", 3);
        await AssertTooManyAsync(server, new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes")
        {
            Content = HttpAssert.Json("""{"addresses":[{},{},{},{}],"categories":["Food","Drink","Other","Food"]}"""),
        }, "Addresses", 3);

        using var fits = await server.Http.SendAsync(Post("""{"tags":["a","b","c"],"counts":{"a":1,"b":2,"c":3}}"""));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Fact]
    public async Task A_hundred_thousand_items_answer_400_naming_the_field()
    {
        var ids = string.Join(",", Enumerable.Range(1, 100_000));
        var tags = string.Join(",", Enumerable.Range(1, 100_000).Select(i => $"{{\"a\":[{i}]}}"));
        using var response = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json($$"""{"ids":[{{ids}}],"addresses":[{{tags}}],"name":"x"}"""));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("'Ids' must have 1,000 items or fewer.", HttpAssert.FieldError(status, "Ids").GetProperty("message").GetString());
        Assert.Equal("MaxItems", HttpAssert.FieldError(status, "Addresses").GetProperty("errorCode").GetString());
    }

    [Fact]
    public async Task Limits_are_listed_in_the_metadata_even_when_not_declared()
    {
        var metadata = JsonDocument.Parse(await Host.Http.GetStringAsync("/metadata/app.json"));
        var type = metadata.RootElement.GetProperty("api").GetProperty("operations").EnumerateArray()
            .Select(o => o.GetProperty("request")).Single(t => t.GetProperty("name").GetString() == nameof(LimitedLists));
        Assert.Equal("2", MaxItems(type, "Ids"));
        Assert.Equal("1000", MaxItems(type, "Tags"));
        Assert.Equal("1000", MaxItems(type, "Counts"));
    }

    [Fact]
    public async Task Limits_are_maxItems_and_maxProperties_in_the_openapi_document()
    {
        await using var server = await StandardServer.StartAsync(o =>
        {
            o.ConfigureServices += s => s.AddBaaSOpenApi();
            o.BaaS += b => b.MaxCollectionItems = 500;
        });
        using var document = JsonDocument.Parse(await server.Http.GetStringAsync("/openapi.json"));
        var properties = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(nameof(LimitedLists)).GetProperty("properties");
        Assert.Equal(2, properties.GetProperty("ids").GetProperty("maxItems").GetInt32());
        Assert.Equal(500, properties.GetProperty("tags").GetProperty("maxItems").GetInt32());
        Assert.Equal(500, properties.GetProperty("counts").GetProperty("maxProperties").GetInt32());
    }

    [Fact]
    public async Task An_overflow_in_an_apps_own_converter_answers_400_naming_the_field()
    {
        using var response = await Host.Http.SendAsync(Post("""{"share":2147483647}"""));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("2147483647 is not a valid value for Share", HttpAssert.FieldError(status, "Share").GetProperty("message").GetString());

        using var query = await Host.Http.PostAsync("/api/LimitedLists?share=2147483647", null);
        HttpAssert.FieldError(await HttpAssert.ErrorAsync(query, HttpStatusCode.BadRequest), "Share");
    }

    private static string? MaxItems(JsonElement type, string property) =>
        type.GetProperty("properties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == property)
            .GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "ValidateMaxItems")
            .GetProperty("args")[0].GetProperty("value").GetString();

    [Theory]
    [InlineData("""{"addresses":[{},null]}""", "Addresses", 1)]
    [InlineData("""{"names":["a",null,"b"]}""", "Names", 1)]
    public async Task A_null_item_in_a_list_of_non_nullable_items_answers_400_naming_it(string json, string field, int index)
    {
        // Found by the API fuzzer: [null] reached MyApp's PlaceOrder as a null OrderLine and answered 500.
        using var response = await Host.Http.PostAsync("/api/EchoTypes", HttpAssert.Json(json));
        var error = HttpAssert.FieldError(await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest), field);
        Assert.Equal("NotNull", error.GetProperty("errorCode").GetString());
        Assert.Equal($"'{field}[{index}]' must not be null.", error.GetProperty("message").GetString());

        using var query = await Host.Http.GetAsync("/api/EchoTypes?addresses=" + Uri.EscapeDataString("[null]"));
        Assert.Equal("NotNull", HttpAssert.FieldError(await HttpAssert.ErrorAsync(query, HttpStatusCode.BadRequest), "Addresses")
            .GetProperty("errorCode").GetString());
    }

    private static HttpRequestMessage Post(string json) =>
        new(HttpMethod.Post, "/api/LimitedLists") { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static async Task AssertTooManyAsync(TestServer server, HttpRequestMessage request, string field, int max)
    {
        using (request)
        {
            using var response = await server.Http.SendAsync(request);
            var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
            var error = HttpAssert.FieldError(status, field);
            Assert.Equal("MaxItems", error.GetProperty("errorCode").GetString());
            Assert.Equal($"'{field}' must have {max} items or fewer.", error.GetProperty("message").GetString());
        }
    }
}
