using System.Net;
using System.Text.Json;
using BaaS.Tests.Fixtures;
using BaaS.Tests.Hosting;
using BaaS.Text;

namespace BaaS.Tests.Binding;

public class BindingTests(StandardServerFixture fixture) : IClassFixture<StandardServerFixture>
{
    private TestServer Host => fixture.Server;

    private async Task<EchoTypes> EchoAsync(HttpRequestMessage request)
    {
        using var response = await Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<EchoTypes>(body, JsonProtocol.Options)!;
    }

    [Fact]
    public async Task Query_string_fills_every_scalar_type()
    {
        var guid = Guid.NewGuid();
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get,
            "/api/EchoTypes?id=7&name=Ann&long=9000000000&short=-3&decimal=79228162514264337593543950335&double=1.5e3&bool=true" +
            "&dateTime=2026-11-22T10:30:00Z&nullableDateTime=2026-01-02T03:04:05%2B02:00&dateTimeOffset=2026-11-22T10:30:00%2B05:30" +
            "&dateOnly=2026-11-22&timeOnly=18:45&timeSpan=PT1H30M&guid=" + guid.ToString("N") +
            "&category=drink&nullableCategory=Other&nullableInt=42&data=AQID"));
        Assert.Equal(7, echo.Id);
        Assert.Equal("Ann", echo.Name);
        Assert.Equal(9000000000L, echo.Long);
        Assert.Equal((short)-3, echo.Short);
        Assert.Equal(decimal.MaxValue, echo.Decimal);
        Assert.Equal(1500d, echo.Double);
        Assert.True(echo.Bool);
        Assert.Equal(new DateTime(2026, 11, 22, 10, 30, 0, DateTimeKind.Utc), echo.DateTime);
        Assert.Equal(DateTimeKind.Utc, echo.DateTime.Kind);
        Assert.Equal(new DateTime(2026, 1, 2, 1, 4, 5, DateTimeKind.Utc), echo.NullableDateTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 30, 0, TimeSpan.FromMinutes(330)), echo.DateTimeOffset);
        Assert.Equal(new DateOnly(2026, 11, 22), echo.DateOnly);
        Assert.Equal(new TimeOnly(18, 45), echo.TimeOnly);
        Assert.Equal(TimeSpan.FromMinutes(90), echo.TimeSpan);
        Assert.Equal(guid, echo.Guid);
        Assert.Equal(Category.Drink, echo.Category);
        Assert.Equal(Category.Other, echo.NullableCategory);
        Assert.Equal(42, echo.NullableInt);
        Assert.Equal([1, 2, 3], echo.Data!);
    }

    [Fact]
    public async Task Query_string_comma_lists_and_repeated_keys_fill_collections()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get,
            "/api/EchoTypes?ids=1,2,3&ids=4&numbers=5,6&names=a,b&names=c&categories=Food,drink,Food"));
        Assert.Equal([1, 2, 3, 4], echo.Ids);
        Assert.Equal([5, 6], echo.Numbers!);
        Assert.Equal(["a", "b", "c"], echo.Names);
        Assert.Equal(new HashSet<Category> { Category.Food, Category.Drink }, echo.Categories);
    }

    [Fact]
    public async Task Query_string_json_array_keeps_commas_inside_items()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get,
            "/api/EchoTypes?names=" + Uri.EscapeDataString("""["a,b","c"]""")));
        Assert.Equal(["a,b", "c"], echo.Names);
    }

    [Fact]
    public async Task Query_string_complex_values_and_dictionaries_read_json()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get,
            "/api/EchoTypes?address=" + Uri.EscapeDataString("""{"street":"1 Main St","city":"Oslo"}""") +
            "&meta=" + Uri.EscapeDataString("""{"a":"1","B":"2"}""")));
        Assert.Equal("Oslo", echo.Address!.City);
        Assert.Equal("2", echo.Meta!["B"]);
    }

    [Fact]
    public async Task Wcf_style_dates_from_servicestack_clients_are_read()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes")
        {
            Content = HttpAssert.Json("""{"dateTime":"\/Date(1763807400000)\/","dateTimeOffset":"\/Date(1763807400000+0100)\/"}"""),
        });
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1763807400000).UtcDateTime, echo.DateTime);
        Assert.Equal(TimeSpan.FromHours(1), echo.DateTimeOffset.Offset);
    }

    [Fact]
    public async Task Empty_query_values_mean_no_value_except_for_strings()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/api/EchoTypes?nullableInt=&nullableCategory&text="));
        Assert.Null(echo.NullableInt);
        Assert.Null(echo.NullableCategory);
        Assert.Equal("", echo.Text);
    }

    [Fact]
    public async Task Json_body_fills_every_type_case_insensitively_and_ignores_unknown_properties()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes")
        {
            Content = HttpAssert.Json("""
                {"ID":3,"NAME":"Bo","decimal":0.0000000001,"bool":false,"dateOnly":"2026-02-03","timeSpan":"01:02:03",
                 "category":"OTHER","ids":[1,2],"numbers":[3],"categories":["Food"],"meta":{"k":"v"},
                 "address":{"Street":"S","city":"C"},"addresses":[{"city":"X"}],"data":"AQID","unknownThing":{"deep":[1,2,{"x":1}]},
                 "nullableInt":null}
                """),
        });
        Assert.Equal(3, echo.Id);
        Assert.Equal("Bo", echo.Name);
        Assert.Equal(0.0000000001m, echo.Decimal);
        Assert.Equal(new DateOnly(2026, 2, 3), echo.DateOnly);
        Assert.Equal(new TimeSpan(1, 2, 3), echo.TimeSpan);
        Assert.Equal(Category.Other, echo.Category);
        Assert.Equal([1, 2], echo.Ids);
        Assert.Equal("v", echo.Meta!["k"]);
        Assert.Equal("S", echo.Address!.Street);
        Assert.Equal("X", echo.Addresses![0].City);
        Assert.Equal([1, 2, 3], echo.Data!);
        Assert.Null(echo.NullableInt);
    }

    [Fact]
    public async Task Json_null_for_a_non_nullable_string_keeps_its_default()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes") { Content = HttpAssert.Json("""{"text":null}""") });
        Assert.Equal("default", echo.Text);
    }

    [Fact]
    public async Task Url_encoded_form_fills_the_dto()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Id"] = "11", ["name"] = "Form", ["bool"] = "on", ["ids"] = "4,5", ["category"] = "Drink", ["decimal"] = "12.345",
            }),
        });
        Assert.Equal(11, echo.Id);
        Assert.Equal("Form", echo.Name);
        Assert.True(echo.Bool);
        Assert.Equal([4, 5], echo.Ids);
        Assert.Equal(Category.Drink, echo.Category);
        Assert.Equal(12.345m, echo.Decimal);
    }

    [Fact]
    public async Task Multipart_form_fills_the_dto()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("21"), "id" },
            { new StringContent("Multi"), "name" },
            { new StringContent("2026-11-22T08:00:00Z"), "dateTime" },
        };
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/api/EchoTypes") { Content = content });
        Assert.Equal(21, echo.Id);
        Assert.Equal("Multi", echo.Name);
        Assert.Equal(new DateTime(2026, 11, 22, 8, 0, 0, DateTimeKind.Utc), echo.DateTime);
    }

    [Fact]
    public async Task Route_values_fill_the_dto_and_override_body_and_query()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Post, "/echo/5/Route%20Name?id=6&long=8")
        {
            Content = HttpAssert.Json("""{"id":4,"name":"Body","long":1,"short":2}"""),
        });
        Assert.Equal(5, echo.Id);
        Assert.Equal("Route Name", echo.Name);
        Assert.Equal(8, echo.Long);
        Assert.Equal((short)2, echo.Short);
    }

    [Fact]
    public async Task Wildcard_route_captures_the_rest_of_the_path()
    {
        var echo = await EchoAsync(new HttpRequestMessage(HttpMethod.Get, "/echo-path/a/b/c.txt"));
        Assert.Equal("a/b/c.txt", echo.Path);
    }

    [Fact]
    public async Task Patch_knows_which_fields_were_sent()
    {
        using var client = Host.CreateClient();
        var item = await client.SendAsync(new CreateItem { Name = "Rice", Price = 3m, Quantity = 1 });
        using var response = await Host.Http.PatchAsync($"/items/{item.Id}", HttpAssert.Json("""{"price":null,"quantity":5}"""));
        var body = JsonSerializer.Deserialize<PatchItemResponse>(await response.Content.ReadAsStringAsync(), JsonProtocol.Options)!;
        Assert.Equal(["Id", "Price", "Quantity"], body.SentFields.Order());
        Assert.Equal("Rice", body.Item.Name);
        Assert.Equal(0m, body.Item.Price);
        Assert.Equal(5, body.Item.Quantity);
    }

    [Fact]
    public async Task Flags_enums_travel_as_numbers_and_read_names_too()
    {
        using var response = await Host.Http.PostAsync("/api/FlagsEcho", HttpAssert.Json("""{"toppings":"Cheese, Basil"}"""));
        Assert.Equal("""{"toppings":5}""", await response.Content.ReadAsStringAsync());
        using var numeric = await Host.Http.PostAsync("/api/FlagsEcho", HttpAssert.Json("""{"toppings":3}"""));
        Assert.Equal("""{"toppings":3}""", await numeric.Content.ReadAsStringAsync());
    }
}
