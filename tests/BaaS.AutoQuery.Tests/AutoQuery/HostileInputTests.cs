using System.Net;
using System.Text.Json;
using BaaS.AutoQuery.Tests.Fixtures;
using BaaS.Data;
using BaaS.Text;

namespace BaaS.AutoQuery.Tests.AutoQuery;

/// <summary>
/// Whatever a caller puts in a query, the answer is a 400 naming what was wrong or a correct literal match: never a
/// 500, never a changed row.
/// </summary>
public abstract class HostileInputTests<THost>(THost host) : IClassFixture<THost> where THost : AutoQueryFixture
{
    public static TheoryData<string, string> Refused() => new()
    {
        { "?bogus=1", "bogus" },
        { "?title%3Bdrop=1", "title;drop" },
        { "?1=1", "1" },
        { "?priceGreaterThan=1e400", "PriceGreaterThan" },
        { "?pages=99999999999999999999", "pages" },
        { "?ids=1,2,abc", "Ids" },
        { "?genre=Purple", "Genre" },
        { "?publishedAtAfter=not-a-date", "PublishedAtAfter" },
        { "?pagesBetween=1", "PagesBetween" },
        { "?orderBy=" + "Title%3B%20DROP%20TABLE%20book", "orderBy" },
        { "?orderBy=(select%201)", "orderBy" },
        { "?orderBy=Title%20desc%2C%20Price%20--", "orderBy" },
        { "?fields=Id%2CTitle%20FROM%20book--", "fields" },
        { "?fields=*", "fields" },
        { "?include=SUM(Price)%3BDROP", "Include" },
        { "?include=SUM(Title%20FROM%20book)", "Include" },
        { "?include=COUNT(*)%20total%3B%20DROP", "Include" },
        { "?include=pg_sleep(10)", "Include" },
        { "?skip=-1", "Skip" },
        { "?take=-5", "Take" },
        { "?take=abc", "Take" },
        { "?ratingGreaterThan=%27%20OR%201%3D1", "ratingGreaterThan" },
        // More values than BaaSOptions.MaxCollectionItems (1,000), declared or implicit: refused before any SQL.
        { "?ids=" + Numbers(1001), "Ids" },
        { "?pagesBetween=" + Numbers(1001), "PagesBetween" },
        { "?authorIdIn=" + Numbers(1001), "authorIdIn" },
        { "?isbn=" + Numbers(1001), "isbn" },
    };

    private static string Numbers(int count) => string.Join(",", Enumerable.Range(1, count));

    [Fact]
    public async Task Seventy_thousand_ids_in_a_body_answer_400_before_any_sql()
    {
        // Past the databases' own parameter limits (SQLite 32,766, PostgreSQL 65,535) if it ever reached them.
        using var response = await host.Http.PostAsync("/api/QueryBooks",
            new StringContent($$"""{"ids":[{{Numbers(70_000)}}]}""", System.Text.Encoding.UTF8, "application/json"));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("MaxItems", HttpAssert.FieldError(status, "Ids").GetProperty("errorCode").GetString());

        using var form = await host.Http.PostAsync("/api/QueryBooks",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["ids"] = Numbers(70_000), ["authorIdIn"] = "1" }));
        HttpAssert.FieldError(await HttpAssert.ErrorAsync(form, HttpStatusCode.BadRequest), "Ids");

        using var fits = await host.Http.GetAsync("/api/QueryBooks?ids=" + Numbers(1000));
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Hostile_query_is_refused_with_400_naming_the_key(string query, string field)
    {
        using var response = await host.Http.GetAsync("/api/QueryBooks" + query);
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(status.GetProperty("errors").EnumerateArray(),
            e => string.Equals(e.GetProperty("fieldName").GetString(), field, StringComparison.OrdinalIgnoreCase));
        await AssertUntouchedAsync();
    }

    public static TheoryData<string, string[]> LiteralMatches() => new()
    {
        { "?title=%27%20OR%201%3D1%20--", [] },
        { "?title=Cosmos%27%3B%20DELETE%20FROM%20book%3B--", [] },
        { "?titleContains=%25", ["100% Pure_Fiction"] },
        { "?titleContains=_", ["100% Pure_Fiction"] },
        { "?titleStartsWith=%25", [] },
        { "?titleContains=%5C", [] },
        { "?titleContains=%27", ["O'Brien's Tale"] },
        { "?isbn=%27%27", [] },
        { "?titleContains=%F0%9F%8D%95", [] },
        { "?tenantId=alice%27%20OR%20%271%27%3D%271", [] },
        // Escapes that are not UTF-8 stay as written: never a broken string, which PostgreSQL refuses and SQLite stores.
        { "?titleContains=%ED%A0%80", [] },
        { "?title=%FF%FE", [] },
        { "?isbn=%C3%28", [] },
    };

    [Theory]
    [MemberData(nameof(LiteralMatches))]
    public async Task Sql_and_wildcards_in_values_match_literally(string query, string[] titles)
    {
        using var response = await host.Http.GetAsync("/api/QueryBooks" + query + "&take=100");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var books = JsonSerializer.Deserialize<QueryResponse<Book>>(body, JsonProtocol.Options)!;
        Assert.Equal(titles, books.Results.Select(b => b.Title));
        await AssertUntouchedAsync();
    }

    [Fact]
    public async Task Ored_filters_cannot_escape_the_tenant_filter()
    {
        using var alice = host.CreateClient("alice");
        var either = await alice.SendAsync(new QueryMyBooksEither { Genre = BookGenre.History, PriceLessThan = 1000, TenantId = "bob" });
        Assert.NotEmpty(either.Results);
        Assert.All(either.Results, b => Assert.Equal("alice", b.TenantId));
        Assert.Equal(Seed.BookIds(b => b.TenantId == "alice"), either.Results.Select(b => b.Id));

        var plain = await alice.SendAsync(new QueryMyBooks { TenantId = "bob" });
        Assert.Empty(plain.Results);

        using var http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        http.DefaultRequestHeaders.Add("X-Test-User", "alice");
        var implicitOr = await http.GetStringAsync("/api/QueryMyBooksEither?genre=Poetry&tenantIdNotEqualTo=alice&take=100");
        var books = JsonSerializer.Deserialize<QueryResponse<Book>>(implicitOr, JsonProtocol.Options)!;
        Assert.All(books.Results, b => Assert.Equal("alice", b.TenantId));

        using var anonymous = host.CreateClient();
        Assert.Equal(401, (await anonymous.ApiAsync(new QueryMyBooks())).StatusCode);
    }

    [Fact]
    public async Task References_are_loaded_with_the_results()
    {
        using var client = host.CreateClient();
        var authors = await client.SendAsync(new QueryAuthors());
        var bo = authors.Results.Single(a => a.Name == "Bo");
        Assert.Equal(Seed.Books.Count(b => b.AuthorId == 2), bo.Books.Count);
        Assert.All(bo.Books, b => Assert.Equal(2, b.AuthorId));
    }

    private async Task AssertUntouchedAsync()
    {
        await using var db = await host.Factory.OpenAsync();
        Assert.Equal(Seed.Books.Length, await db.CountAsync<Book>());
        Assert.Equal(Seed.Authors.Length, await db.CountAsync<Author>());
        Assert.Equal("Cosmos", (await db.SingleByIdAsync<Book>(2))!.Title);
    }
}

public class SqliteHostileInputTests(SqliteAutoQueryFixture host) : HostileInputTests<SqliteAutoQueryFixture>(host);

public class PostgreSqlHostileInputTests(PostgreSqlAutoQueryFixture host) : HostileInputTests<PostgreSqlAutoQueryFixture>(host);
