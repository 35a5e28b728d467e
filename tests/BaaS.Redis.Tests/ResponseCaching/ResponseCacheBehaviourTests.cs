using System.Net.Http.Json;
using System.Net;
using System.Text.Json;

namespace BaaS.Redis.Tests.ResponseCaching;

/// <summary>
/// Response caching, written once and run on each cache store (<see cref="MemoryResponseCacheTests"/>,
/// <see cref="RedisResponseCacheTests"/>). "Served from the cache" is proven by <see cref="ServiceCalls"/>: the calls that
/// reached the service do not move.
/// </summary>
public abstract class ResponseCacheBehaviourTests
{
    private static readonly string Alice = TestAuthentication.User("alice", "alice");
    private static readonly string Bob = TestAuthentication.User("bob", "bob");

    /// <summary>The Redis configuration string, or null for the in-memory store.</summary>
    protected abstract string? Redis { get; }

    protected abstract string Store { get; }

    private static string CacheControlOf(HttpResponseMessage response) => response.Headers.NonValidated["Cache-Control"].ToString();

    private Task<TestServer> StartAsync(Dictionary<string, string?>? settings = null) => CakeShop.StartAsync(Redis, settings: settings);

    [Fact]
    public async Task A_second_identical_GET_is_served_from_the_cache_with_the_same_body_status_and_content_type()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();

        var first = await http.GetAsync("/api/QueryCakes?flavourContains=chocolate");
        var second = await http.GetAsync("/api/QueryCakes?flavourContains=chocolate");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal("application/json; charset=utf-8", first.Content.Headers.ContentType!.ToString());
        Assert.Equal(first.Content.Headers.ContentType, second.Content.Headers.ContentType);
        var body = await first.Content.ReadAsByteArrayAsync();
        Assert.Equal(body, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, JsonDocument.Parse(body).RootElement.GetProperty("results").GetArrayLength());
        Assert.Equal(1, app.Calls()["QueryCakes"]);
        Assert.Equal(["MISS"], first.Headers.GetValues("X-Cache"));
        Assert.Equal(["HIT"], second.Headers.GetValues("X-Cache"));
        Assert.Equal("public, max-age=300", CacheControlOf(second));
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
    }

    [Fact]
    public async Task Each_format_is_cached_on_its_own()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();

        var json = await http.GetStringAsync("/api/QueryCakes");
        var csv = await http.GetAsync("/api/QueryCakes?format=csv");
        var csvAgain = await http.GetAsync("/api/QueryCakes.csv");

        Assert.StartsWith("{", json, StringComparison.Ordinal);
        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType!.ToString());
        Assert.Equal("text/csv; charset=utf-8", csvAgain.Content.Headers.ContentType!.ToString());
        Assert.Equal(await csv.Content.ReadAsStringAsync(), await csvAgain.Content.ReadAsStringAsync());
        Assert.Contains("Sachertorte", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, app.Calls()["QueryCakes"]);
    }

    [Fact]
    public async Task Request_values_in_any_order_or_case_share_an_entry_and_other_values_do_not()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();

        var a = await http.GetStringAsync("/api/QueryCakes?flavourContains=chocolate&priceLessThan=10");
        var b = await http.GetStringAsync("/api/QueryCakes?PriceLessThan=10&flavourcontains=chocolate");
        var viaRoute = await http.GetStringAsync("/cakes?priceLessThan=10&flavourContains=chocolate");
        Assert.Equal(a, b);
        Assert.Equal(a, viaRoute);
        Assert.Equal(1, app.Calls()["QueryCakes"]);

        var berry = await http.GetStringAsync("/api/QueryCakes?flavourContains=berry");
        Assert.Contains("Pavlova", berry, StringComparison.Ordinal);
        Assert.DoesNotContain("Pavlova", a, StringComparison.Ordinal);
        var paged = await http.GetStringAsync("/api/QueryCakes?flavourContains=chocolate&priceLessThan=10&skip=1");
        Assert.Equal(3, app.Calls()["QueryCakes"]);

        // A query-string filter the DTO has no property for (an implicit AutoQuery convention) is part of the key too.
        var byName = await http.GetStringAsync("/api/QueryCakes?name=Pavlova");
        var byOtherName = await http.GetStringAsync("/api/QueryCakes?name=Lamington");
        Assert.Contains("Pavlova", byName, StringComparison.Ordinal);
        Assert.Contains("Lamington", byOtherName, StringComparison.Ordinal);
        Assert.Equal(5, app.Calls()["QueryCakes"]);
        Assert.NotEqual(a, paged);
    }

    [Fact]
    public async Task An_ETag_sent_back_in_If_None_Match_answers_304_without_a_body()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();
        var first = await http.GetAsync("/api/QueryCakes");
        var etag = first.Headers.ETag!.Tag;

        foreach (var ifNoneMatch in new[] { etag, "W/" + etag, "\"other\", " + etag, "*" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/QueryCakes");
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
            var notModified = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
            Assert.Equal(etag, notModified.Headers.ETag!.Tag);
            Assert.Equal("public, max-age=300", CacheControlOf(notModified));
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/QueryCakes");
        stale.Headers.TryAddWithoutValidation("If-None-Match", "\"an-older-answer\"");
        var full = await http.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await full.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, app.Calls()["QueryCakes"]);

        // After a write the answer changes, and so does its ETag: the old one gets the new body.
        await app.CreateClient(Alice).PostAsync(new CreateCake { Name = "Eccles", Flavour = "currant", Price = 3 });
        using var after = new HttpRequestMessage(HttpMethod.Get, "/api/QueryCakes");
        after.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var changed = await http.SendAsync(after);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag!.Tag);
        Assert.Contains("Eccles", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Varying_by_user_keeps_one_answer_per_user_and_never_gives_one_users_answer_to_another()
    {
        await using var app = await StartAsync();
        var alice = app.CreateClient(Alice);
        var bob = app.CreateClient(Bob);

        var a1 = await alice.GetAsync(new GetCallerNote());
        var b1 = await bob.GetAsync(new GetCallerNote());
        var a2 = await alice.GetAsync(new GetCallerNote());
        var b2 = await bob.GetAsync(new GetCallerNote());

        Assert.Equal("note for alice", a1.Text);
        Assert.Equal("note for bob", b1.Text);
        Assert.Equal(a1.Call, a2.Call);
        Assert.Equal(b1.Call, b2.Call);
        Assert.Equal(2, app.Calls()["GetCallerNote"]);
        var raw = await app.CreateHttp(Alice).GetAsync("/api/GetCallerNote");
        Assert.Equal("private, max-age=60", CacheControlOf(raw));

        // Authorization still runs first: an anonymous call is refused, and the refusal is not cached.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http.GetAsync("/api/GetCallerNote")).StatusCode);
    }

    [Fact]
    public async Task Signed_in_calls_are_neither_served_from_nor_stored_in_the_cache_unless_the_attribute_varies_by_the_caller()
    {
        await using var app = await StartAsync();
        var anonymous = app.CreateClient();
        var alice = app.CreateClient(Alice);

        var stranger = await anonymous.GetAsync(new GetGreeting());
        Assert.Equal("hello alice", (await alice.GetAsync(new GetGreeting())).Text);
        Assert.Equal("hello alice", (await alice.GetAsync(new GetGreeting())).Text);
        Assert.Equal("hello bob", (await app.CreateClient(Bob).GetAsync(new GetGreeting())).Text);
        var strangerAgain = await anonymous.GetAsync(new GetGreeting());

        Assert.Equal("hello stranger", strangerAgain.Text);
        Assert.Equal(stranger.Call, strangerAgain.Call);
        Assert.Equal(4, app.Calls()["GetGreeting"]);
        var signedIn = await app.CreateHttp(Alice).GetAsync("/api/GetGreeting");
        Assert.False(signedIn.Headers.Contains("X-Cache"));
        Assert.Null(signedIn.Headers.ETag);
    }

    [Fact]
    public async Task Varying_by_roles_shares_an_answer_among_callers_with_the_same_roles_only()
    {
        await using var app = await StartAsync();
        var staff1 = await app.CreateClient(TestAuthentication.User("s1", "sam", ["Staff"])).GetAsync(new GetStaffBoard());
        var staff2 = await app.CreateClient(TestAuthentication.User("s2", "sue", ["Staff", "Baker"])).GetAsync(new GetStaffBoard());
        var customer = await app.CreateClient(TestAuthentication.User("c1", "cal", ["Customer"])).GetAsync(new GetStaffBoard());
        var anonymous = await app.CreateClient().GetAsync(new GetStaffBoard());
        var customer2 = await app.CreateClient(TestAuthentication.User("c2", "cat")).GetAsync(new GetStaffBoard());

        Assert.Equal("staff board", staff1.Text);
        Assert.Equal(staff1.Call, staff2.Call); // Baker is not a role the answer varies by
        Assert.Equal("public board", customer.Text);
        Assert.Equal("public board", anonymous.Text);
        Assert.NotEqual(customer.Call, anonymous.Call); // signed in or not is part of the key
        Assert.Equal(customer.Call, customer2.Call);
        Assert.Equal(3, app.Calls()["GetStaffBoard"]);
    }

    [Fact]
    public async Task AutoQuery_creates_patches_deletes_and_soft_deletes_drop_the_cached_answers_of_queries_on_the_model()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();
        var owner = app.CreateClient(Alice);
        async Task<string> CakesAsync() => await http.GetStringAsync("/api/QueryCakes?orderBy=Id");

        var before = await CakesAsync();
        Assert.Equal(before, await CakesAsync());
        Assert.Equal(1, app.Calls()["QueryCakes"]);

        var id = (await owner.PostAsync(new CreateCake { Name = "Eccles", Flavour = "currant", Price = 3 })).Id;
        Assert.Contains("Eccles", await CakesAsync(), StringComparison.Ordinal);
        Assert.Equal(2, app.Calls()["QueryCakes"]);

        await owner.PatchAsync(new PatchCake { Id = int.Parse(id!, System.Globalization.CultureInfo.InvariantCulture), Name = "Chorley" });
        var patched = await CakesAsync();
        Assert.Contains("Chorley", patched, StringComparison.Ordinal);
        Assert.DoesNotContain("Eccles", patched, StringComparison.Ordinal);

        await owner.SendAsync(new DeleteCake { Id = int.Parse(id!, System.Globalization.CultureInfo.InvariantCulture) });
        Assert.DoesNotContain("Chorley", await CakesAsync(), StringComparison.Ordinal);

        await owner.SendAsync(new RetireCake { Id = 2 });
        Assert.DoesNotContain("Pavlova", await CakesAsync(), StringComparison.Ordinal);
        Assert.Equal(5, app.Calls()["QueryCakes"]);
        Assert.Equal(await CakesAsync(), await CakesAsync());
        Assert.Equal(5, app.Calls()["QueryCakes"]);
    }

    [Fact]
    public async Task Writes_to_a_joined_model_or_a_declared_model_drop_the_answers_built_from_it()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();
        var owner = app.CreateClient(Alice);

        Assert.Contains("Crumbs", await http.GetStringAsync("/api/QueryCakeShops"), StringComparison.Ordinal);
        Assert.Equal("Lamington", (await http.GetFromJsonAsync<CallerNote>("/api/GetCheapestCake"))!.Text);
        await owner.PatchAsync(new RenameBakery { Id = 1, Name = "Flour Power" });
        var shops = await http.GetStringAsync("/api/QueryCakeShops");
        Assert.Contains("Flour Power", shops, StringComparison.Ordinal);
        Assert.Equal(2, app.Calls()["QueryCakeShops"]);

        Assert.Equal("Lamington", (await http.GetFromJsonAsync<CallerNote>("/api/GetCheapestCake"))!.Text);
        Assert.Equal(1, app.Calls()["GetCheapestCake"]);
        await owner.PostAsync(new CreateCake { Name = "Fairy cake", Flavour = "vanilla", Price = 1 });
        Assert.Equal("Fairy cake", (await http.GetFromJsonAsync<CallerNote>("/api/GetCheapestCake"))!.Text);
        Assert.Contains("Fairy cake", await http.GetStringAsync("/api/QueryCakeShops"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hand_written_write_marked_InvalidateResponses_drops_the_answers_of_its_models()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();
        await http.GetStringAsync("/api/QueryCakes");

        await app.CreateClient().PostAsync(new BakeCake { Name = "Bara brith" });

        Assert.Contains("Bara brith", await http.GetStringAsync("/api/QueryCakes"), StringComparison.Ordinal);
        Assert.Equal(2, app.Calls()["QueryCakes"]);
    }

    [Fact]
    public async Task A_refused_write_drops_nothing()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();
        await http.GetStringAsync("/api/QueryCakes");

        var refused = await app.CreateClient(Alice).ApiAsync(new PatchCake { Id = 1, Price = -1 });
        Assert.Equal(400, refused.StatusCode);

        var again = await http.GetAsync("/api/QueryCakes");
        Assert.Equal(["HIT"], again.Headers.GetValues("X-Cache"));
        Assert.Equal(1, app.Calls()["QueryCakes"]);
    }

    [Fact]
    public async Task Errors_are_not_cached_and_a_hand_written_write_drops_answers_through_IResponseCache()
    {
        await using var app = await StartAsync();
        var client = app.CreateClient();

        Assert.Equal(404, (await client.ApiAsync(new GetBakeryNews())).StatusCode);
        Assert.Equal(404, (await client.ApiAsync(new GetBakeryNews())).StatusCode);
        Assert.Equal(2, app.Calls()["GetBakeryNews"]);

        await client.PostAsync(new PublishBakeryNews { Text = "scones on Friday" });
        var news = await client.GetAsync(new GetBakeryNews());
        Assert.Equal("scones on Friday", news.Text);
        Assert.Equal(news.Call, (await client.GetAsync(new GetBakeryNews())).Call);

        await client.PostAsync(new PublishBakeryNews { Text = "no scones after all" });
        Assert.Equal("no scones after all", (await client.GetAsync(new GetBakeryNews())).Text);
        Assert.Equal(4, app.Calls()["GetBakeryNews"]);
    }

    [Fact]
    public async Task Only_GET_calls_are_cached()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();

        var post1 = await http.PostAsync("/api/CountVisits", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var post2 = await http.PostAsync("/api/CountVisits", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, post2.StatusCode);
        Assert.NotEqual(await post1.Content.ReadAsStringAsync(), await post2.Content.ReadAsStringAsync());
        Assert.False(post2.Headers.Contains("X-Cache"));
        Assert.Equal(2, app.Calls()["CountVisits"]);

        await http.GetStringAsync("/api/CountVisits");
        await http.GetStringAsync("/api/CountVisits");
        Assert.Equal(3, app.Calls()["CountVisits"]);
    }

    [Fact]
    public async Task A_hit_repeats_the_services_status_and_headers_but_not_its_cookies()
    {
        await using var app = await StartAsync();
        var http = app.CreateHttp();

        var first = await http.GetAsync("/api/GetCakeLabel");
        var second = await http.GetAsync("/api/GetCakeLabel");

        Assert.Equal((HttpStatusCode)203, first.StatusCode);
        Assert.Equal((HttpStatusCode)203, second.StatusCode);
        Assert.Equal(["Ann"], first.Headers.GetValues("X-Baker"));
        Assert.Equal(["Ann"], second.Headers.GetValues("X-Baker"));
        Assert.True(first.Headers.Contains("Set-Cookie"));
        Assert.False(second.Headers.Contains("Set-Cookie"));
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Calls()["GetCakeLabel"]);
    }

    [Fact]
    public async Task Answers_above_the_size_limit_are_answered_but_not_cached()
    {
        await using var app = await StartAsync(new() { ["BaaS:ResponseCache:MaxBodySize"] = "200" });
        var http = app.CreateHttp();

        var big1 = await http.GetStringAsync("/api/QueryCakes");
        var big2 = await http.GetStringAsync("/api/QueryCakes");
        Assert.True(big1.Length > 200, big1);
        Assert.Equal(big1, big2);
        Assert.Equal(2, app.Calls()["QueryCakes"]);

        await http.GetStringAsync("/api/CountVisits");
        await http.GetStringAsync("/api/CountVisits");
        Assert.Equal(1, app.Calls()["CountVisits"]);
    }

    [Fact]
    public async Task The_metadata_shows_each_cached_operations_policy()
    {
        await using var app = await StartAsync();
        using var metadata = JsonDocument.Parse(await app.Http.GetStringAsync("/metadata/app.json"));
        var plugin = metadata.RootElement.GetProperty("plugins").GetProperty("responseCache");

        Assert.Equal(Store, plugin.GetProperty("store").GetString());
        var operations = plugin.GetProperty("operations");
        var cakes = operations.GetProperty("QueryCakes");
        Assert.Equal(300, cakes.GetProperty("duration").GetInt32());
        Assert.Equal("public, max-age=300", cakes.GetProperty("cacheControl").GetString());
        Assert.Equal(["Cake"], cakes.GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["Cake", "Bakery"], operations.GetProperty("QueryCakeShops").GetProperty("models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(0, operations.GetProperty("QueryCakeShops").GetProperty("maxAge").GetInt32());
        Assert.Equal(["Staff"], operations.GetProperty("GetStaffBoard").GetProperty("varyByRoles").EnumerateArray().Select(m => m.GetString()));
        Assert.True(operations.GetProperty("GetCallerNote").GetProperty("varyByUser").GetBoolean());
        Assert.False(operations.TryGetProperty("QueryCakesFresh", out _));

        // The attribute itself is listed with the request type, as every contract attribute is.
        var cheapest = metadata.RootElement.GetProperty("api").GetProperty("operations").EnumerateArray()
            .Single(o => o.GetProperty("request").GetProperty("name").GetString() == "GetCheapestCake");
        var attribute = cheapest.GetProperty("request").GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("name").GetString() == "CacheResponse");
        Assert.Contains(attribute.GetProperty("args").EnumerateArray(), a => a.GetProperty("name").GetString() == "Models" && a.GetProperty("value").GetString() == "Cake");
    }
}
