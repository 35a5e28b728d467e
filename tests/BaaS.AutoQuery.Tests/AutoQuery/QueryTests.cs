using System.Net;
using System.Text.Json;
using BaaS.AutoQuery.Tests.Fixtures;
using BaaS.Client;
using BaaS.Text;

namespace BaaS.AutoQuery.Tests.AutoQuery;

/// <summary>Declared query DTOs become complete query APIs: the same behaviour on every database.</summary>
public abstract class QueryTests<THost>(THost host) : IClassFixture<THost> where THost : AutoQueryFixture
{
    private async Task<QueryResponse<Book>> GetAsync(string query)
    {
        using var response = await host.Http.GetAsync("/api/QueryBooks" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<QueryResponse<Book>>(body, JsonProtocol.Options)!;
    }

    private static int[] Ids<T>(QueryResponse<T> response, Func<T, int> id) => [.. response.Results.Select(id)];

    [Fact]
    public async Task Unfiltered_query_is_capped_at_max_limit_in_primary_key_order()
    {
        var response = await GetAsync("");
        Assert.Equal([1, 2, 3, 4, 5, 6], Ids(response, b => b.Id));
        Assert.Equal(0, response.Offset);
        Assert.Equal(6, response.Total);

        var asked = await GetAsync("?take=1000");
        Assert.Equal(AutoQueryFixture.MaxLimit, asked.Results.Count);
    }

    [Fact]
    public async Task Skip_take_and_include_total_page_through_all_rows()
    {
        var page = await GetAsync("?skip=2&take=3&include=total");
        Assert.Equal([3, 4, 5], Ids(page, b => b.Id));
        Assert.Equal(2, page.Offset);
        Assert.Equal(Seed.Books.Length, page.Total);
        var last = await GetAsync("?skip=6&take=5");
        Assert.Equal([7, 8], Ids(last, b => b.Id));
    }

    [Fact]
    public async Task Include_total_counts_every_match_also_past_the_last_page_with_fields_and_aggregates()
    {
        var science = Seed.BookIds(b => b.Genre == BookGenre.Science).Length;
        var beyond = await GetAsync("?genre=Science&skip=50&take=5&include=total");
        Assert.Empty(beyond.Results);
        Assert.Equal(science, beyond.Total);
        Assert.Equal(50, beyond.Offset);

        var fields = await GetAsync("?genre=Science&fields=Id,Title&orderBy=Title&take=1&include=total,Sum(Pages)");
        Assert.Equal(["Cosmos"], fields.Results.Select(b => b.Title));
        Assert.Equal(0m, fields.Results[0].Price);
        Assert.Equal(science, fields.Total);
        Assert.Equal("756", fields.Meta!["Sum(Pages)"]);
    }

    [Fact]
    public async Task Include_total_on_a_joined_query_counts_the_joined_rows_that_match()
    {
        using var response = await host.Http.GetAsync("/api/QueryBooksWithAuthors?country=Norway&orderBy=Title&take=2&include=total");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var page = JsonSerializer.Deserialize<QueryResponse<BookWithAuthor>>(body, JsonProtocol.Options)!;
        Assert.Equal(["Cosmos", "Sapiens"], page.Results.Select(b => b.Title));
        Assert.Equal(3, page.Total);
    }

    [Fact]
    public async Task Include_total_with_references_loads_them_for_the_page()
    {
        using var response = await host.Http.GetAsync("/api/QueryAuthors?skip=1&take=1&include=total");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var page = JsonSerializer.Deserialize<QueryResponse<Author>>(body, JsonProtocol.Options)!;
        var bo = Assert.Single(page.Results);
        Assert.Equal("Bo", bo.Name);
        Assert.Equal(Seed.Authors.Length, page.Total);
        Assert.Equal(["Cosmos", "The Selfish Gene", "Sapiens"], bo.Books.OrderBy(b => b.Id).Select(b => b.Title));
    }

    public static TheoryData<string, int[]> Conventions() => new()
    {
        { "?title=Cosmos", Seed.BookIds(b => b.Title == "Cosmos") },
        { "?ids=3,1,8", [1, 3, 8] },
        { "?genre=history", Seed.BookIds(b => b.Genre == BookGenre.History) },
        { "?genreIn=Poetry,Science", Seed.BookIds(b => b.Genre is BookGenre.Poetry or BookGenre.Science) },
        { "?priceGreaterThan=15", Seed.BookIds(b => b.Price > 15) },
        { "?priceGreaterThanOrEqualTo=15", Seed.BookIds(b => b.Price >= 15) },
        { "?priceLessThan=11", Seed.BookIds(b => b.Price < 11) },
        { "?priceLessThanOrEqualTo=11", Seed.BookIds(b => b.Price <= 11) },
        { "?minPrice=12.5&maxPrice=20", Seed.BookIds(b => b.Price is >= 12.5m and <= 20) },
        // More decimals than the column's scale: compared exactly, never rounded to the column (12.50 > 12.495).
        { "?priceGreaterThan=12.495", Seed.BookIds(b => b.Price > 12.495m) },
        { "?priceGreaterThanOrEqualTo=12.505", Seed.BookIds(b => b.Price >= 12.505m) },
        { "?priceLessThanOrEqualTo=9.994", Seed.BookIds(b => b.Price <= 9.994m) },
        { "?pagesNotEqualTo=256", Seed.BookIds(b => b.Pages != 256) },
        { "?pagesBetween=200,400", Seed.BookIds(b => b.Pages is >= 200 and <= 400) },
        { "?titleStartsWith=the", Seed.BookIds(b => b.Title.StartsWith("the", StringComparison.OrdinalIgnoreCase)) },
        { "?titleContains=GRASS", Seed.BookIds(b => b.Title.Contains("grass", StringComparison.OrdinalIgnoreCase)) },
        { "?titleEndsWith=gene", Seed.BookIds(b => b.Title.EndsWith("gene", StringComparison.OrdinalIgnoreCase)) },
        { "?ratingIsNull=true", Seed.BookIds(b => b.Rating is null) },
        { "?ratingIsNull=false", Seed.BookIds(b => b.Rating is not null) },
        { "?isbnIsNotNull=true", Seed.BookIds(b => b.Isbn is not null) },
        { "?publishedAtAfter=2011-01-01T00:00:00Z", Seed.BookIds(b => b.PublishedAt > new DateTime(2011, 1, 1)) },
        { "?publishedAtBefore=1980-01-01", Seed.BookIds(b => b.PublishedAt < new DateTime(1980, 1, 1)) },
        { "?titleNotIn=Cosmos,SPQR", Seed.BookIds(b => b.Title is not "Cosmos" and not "SPQR") },
        { "?starting=sa", Seed.BookIds(b => b.Title.StartsWith("Sa", StringComparison.Ordinal)) },
        { "?atLeastRated=4.5", Seed.BookIds(b => b.Rating >= 4.5) },
        { "?writer=2", Seed.BookIds(b => b.AuthorId == 2) },
        { "?notAFilter=anything", [1, 2, 3, 4, 5, 6, 7, 8] },
        { "?genre=Fiction&priceLessThan=12", Seed.BookIds(b => b.Genre == BookGenre.Fiction && b.Price < 12) },
    };

    [Theory]
    [MemberData(nameof(Conventions))]
    public async Task Declared_properties_filter_by_their_naming_convention(string query, int[] expected)
    {
        var response = await GetAsync(query + "&take=100");
        Assert.Equal(expected.Take(AutoQueryFixture.MaxLimit), Ids(response, b => b.Id));
    }

    public static TheoryData<string, int[]> ImplicitConventions() => new()
    {
        { "?ratingGreaterThan=4.4", Seed.BookIds(b => b.Rating > 4.4) },
        { "?Pages=150", Seed.BookIds(b => b.Pages == 150) },
        { "?tenantId=bob,carol", Seed.BookIds(b => b.TenantId is "bob" or "carol") },
        { "?isbnStartsWith=5", Seed.BookIds(b => b.Isbn?.StartsWith('5') == true) },
        { "?publishedAtBetween=2000-01-01,2012-01-01", Seed.BookIds(b => b.PublishedAt.Year is >= 2000 and < 2012) },
        { "?authorIdIn=1,3", Seed.BookIds(b => b.AuthorId is 1 or 3) },
        { "?ISBNISNULL", Seed.BookIds(b => b.Isbn is null) },
    };

    [Theory]
    [MemberData(nameof(ImplicitConventions))]
    public async Task Undeclared_query_string_keys_filter_by_the_same_conventions(string query, int[] expected)
    {
        var response = await GetAsync(query + "&take=100");
        Assert.Equal(expected.Take(AutoQueryFixture.MaxLimit), Ids(response, b => b.Id));
    }

    [Fact]
    public async Task Typed_client_sends_declared_filters()
    {
        using var client = host.CreateClient();
        var response = await client.SendAsync(new QueryBooks { GenreIn = [BookGenre.Science, BookGenre.History], MinPrice = 16, OrderBy = "-Price" });
        Assert.Equal(["Sapiens", "Cosmos", "SPQR"], response.Results.Select(b => b.Title));
    }

    [Fact]
    public async Task Order_by_takes_several_fields_and_descending_ones()
    {
        var byPrice = await GetAsync("?orderBy=-price&take=3");
        Assert.Equal([8, 2, 3], Ids(byPrice, b => b.Id));
        var byGenre = await GetAsync("?orderBy=Genre,-Rating&fields=Id,Genre,Rating&take=100");
        var expected = Seed.Books.Select((b, i) => (b, Id: i + 1)).OrderBy(x => x.b.Genre.ToString(), StringComparer.Ordinal)
            .ThenByDescending(x => x.b.Rating ?? double.MinValue).Select(x => x.Id).Take(6);
        Assert.Equal(expected.Select(i => Seed.Books[i - 1].Genre), byGenre.Results.Select(b => b.Genre));
        var desc = await GetAsync("?orderByDesc=Pages&take=2");
        Assert.Equal([3, 8], Ids(desc, b => b.Id));
    }

    [Fact]
    public async Task Fields_select_only_the_named_columns()
    {
        var response = await GetAsync("?fields=Id,Title&ids=2");
        var book = Assert.Single(response.Results);
        Assert.Equal("Cosmos", book.Title);
        Assert.Equal(0m, book.Price);
        Assert.Null(book.Rating);
    }

    [Fact]
    public async Task Aggregates_from_include_come_back_in_meta()
    {
        var response = await GetAsync("?genre=Science&include=COUNT(*) total,SUM(Price),Avg(Pages),max(Rating)");
        Assert.Equal("2", response.Meta!["total"]);
        Assert.Equal(35m, decimal.Parse(response.Meta!["Sum(Price)"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(378d, double.Parse(response.Meta!["Avg(Pages)"], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal(4.8d, double.Parse(response.Meta!["Max(Rating)"], System.Globalization.CultureInfo.InvariantCulture), 3);
    }

    [Theory]
    [InlineData("Sum(Title)")]
    [InlineData("Avg(Genre)")]
    [InlineData("Max(Genre)")]
    [InlineData("Min(Isbn),Sum(PublishedAt)")]
    [InlineData("Avg(Title)")]
    public async Task Aggregates_over_columns_of_the_wrong_type_answer_400_naming_include(string include)
    {
        // Sum and Avg take numbers; Min and Max numbers, dates, times and text; Count anything. The same on every database.
        using var response = await host.Http.GetAsync("/api/QueryBooks?include=" + Uri.EscapeDataString(include));
        var status = await HttpAssert.ErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("is not allowed", HttpAssert.FieldError(status, "include").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Min_and_max_take_numbers_dates_and_text_and_count_takes_anything()
    {
        var response = await GetAsync("?titleStartsWith=S&include=" +
            Uri.EscapeDataString("Max(Title),Min(Title),Min(PublishedAt),Max(Pages),Count(Genre),Count(Isbn)"));
        // Text compares by code point on both databases: 'a' (0x61) sorts after 'P' (0x50), whatever the locale.
        Assert.Equal("Sapiens", response.Meta!["Max(Title)"]);
        Assert.Equal("SPQR", response.Meta!["Min(Title)"]);
        Assert.StartsWith("2011-01-01", response.Meta!["Min(PublishedAt)"]);
        Assert.Equal("608", response.Meta!["Max(Pages)"]);
        Assert.Equal("2", response.Meta!["Count(Genre)"]);
        Assert.Equal("2", response.Meta!["Count(Isbn)"]);
    }

    [Fact]
    public async Task Query_db_or_ors_the_filters()
    {
        using var response = await host.Http.GetAsync("/api/QueryBooksEither?genre=Poetry&priceLessThan=8");
        var books = JsonSerializer.Deserialize<QueryResponse<Book>>(await response.Content.ReadAsStringAsync(), JsonProtocol.Options)!;
        Assert.Equal(Seed.BookIds(b => b.Genre == BookGenre.Poetry || b.Price < 8), books.Results.Select(b => b.Id));
    }

    [Fact]
    public async Task Joined_query_filters_on_the_joined_table_and_reads_its_columns()
    {
        using var client = host.CreateClient();
        var response = await client.SendAsync(new QueryBooksWithAuthors { Country = "Norway", OrderBy = "Title" });
        Assert.Equal(["Cosmos", "Sapiens", "The Selfish Gene"], response.Results.Select(b => b.Title));
        Assert.All(response.Results, b => Assert.Equal("Bo", b.AuthorName));
        Assert.All(response.Results, b => Assert.Equal("Norway", b.AuthorCountry));
    }

    [Theory]
    [InlineData("?include=Max(TenantId)", "include", "TenantId")]
    [InlineData("?orderBy=-Isbn", "orderBy", "Isbn")]
    [InlineData("?orderBy=Author.Id", "orderBy", "Author.Id")]
    [InlineData("?pagesGreaterThan=100", "pagesGreaterThan", "pages")]
    [InlineData("?fields=Id,TenantId", "fields", "TenantId")]
    [InlineData("?fields=Title,Author.Id", "fields", "Author.Id")]
    public async Task Query_into_a_narrower_shape_cannot_select_order_aggregate_or_filter_by_columns_it_does_not_show(string query, string field, string column)
    {
        // BookWithAuthor shows Id, Title, Price, AuthorName and AuthorCountry: the rest of Book and Author stays hidden,
        // or include=Max(TenantId) would read out another tenant's id.
        using var response = await host.Http.GetAsync("/api/QueryBooksWithAuthors" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(body);
        var error = json.RootElement.GetProperty("responseStatus").GetProperty("errors")[0];
        Assert.Equal(field, error.GetProperty("fieldName").GetString());
        Assert.Equal("InvalidField", error.GetProperty("errorCode").GetString());
        Assert.Equal($"'{column}' is not a field of BookWithAuthor.", error.GetProperty("message").GetString());

        using var shown = await host.Http.GetAsync("/api/QueryBooksWithAuthors?orderBy=-Author.Name,Price&include=Sum(Price),Max(Author.Country)&titleContains=e&fields=Id,Title,Author.Name");
        Assert.True(shown.StatusCode == HttpStatusCode.OK, await shown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Query_results_stream_as_csv()
    {
        var csv = await host.Http.GetStringAsync("/api/QueryBooks?ids=2,3&fields=Id,Title,Price&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Id,Title,AuthorId", lines[0]);
        Assert.StartsWith("2,Cosmos,0,Fiction,20", lines[1]);
    }

    [Fact]
    public async Task Metadata_marks_queries_as_get_with_their_data_model()
    {
        using var client = host.CreateClient();
        var metadata = await client.SendAsync<BaaS.Metadata.AppMetadata>("GET", "/metadata/app.json");
        var query = metadata.Api.Operations.Single(o => o.Request.Name == nameof(QueryBooks));
        Assert.Equal("GET", query.Method);
        Assert.Equal("Book", query.DataModel!.Name);
        Assert.Equal("QueryResponse`1", query.Response!.Name);
        Assert.Equal(["Book"], query.Response.GenericArgs);
        Assert.Contains(metadata.Api.Types, t => t.Name == "QueryResponse`1" && t.IsGenericTypeDef == true);
    }
}

public class SqliteQueryTests(SqliteAutoQueryFixture host) : QueryTests<SqliteAutoQueryFixture>(host);

public class PostgreSqlQueryTests(PostgreSqlAutoQueryFixture host) : QueryTests<PostgreSqlAutoQueryFixture>(host);
